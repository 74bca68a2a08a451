package dev.catalog.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request to the API under test, built fluently ({@code API.post("/products").json(body).send()}) and sent
 * by whichever {@link ApiTarget} the suite runs against: the handlers in-process, or the local API over HTTP.
 */
public final class ApiCall {
  private final ApiTarget target;
  private final String method;
  private final String pathAndQuery;
  private final List<Map.Entry<String, String>> headers = new ArrayList<>();
  private byte[] body;
  private Role role;

  ApiCall(ApiTarget target, String method, String pathAndQuery) {
    this.target = target;
    this.method = method;
    this.pathAndQuery = pathAndQuery;
  }

  public ApiCall header(String name, String value) {
    headers.add(Map.entry(name, value));
    return this;
  }

  /** A body sent as is, without setting a Content-Type. */
  public ApiCall body(byte[] bytes) {
    this.body = bytes;
    return this;
  }

  public ApiCall body(String text) {
    return body(text.getBytes(StandardCharsets.UTF_8));
  }

  /** An {@code application/json} body. */
  public ApiCall json(String json) {
    return header("Content-Type", "application/json").body(json);
  }

  /** An {@code application/merge-patch+json} body. */
  public ApiCall mergePatch(String json) {
    return header("Content-Type", "application/merge-patch+json").body(json);
  }

  /** Calls as {@code role}, with its bearer token; without this, as the least role the method needs. */
  public ApiCall as(Role role) {
    this.role = role;
    return this;
  }

  /** The role named with {@link #as}, or null. */
  public Role role() {
    return role;
  }

  public ApiResult send() {
    return target.send(this);
  }

  public String method() {
    return method;
  }

  public String pathAndQuery() {
    return pathAndQuery;
  }

  public List<Map.Entry<String, String>> headers() {
    return headers;
  }

  /** The body's bytes, or null. */
  public byte[] body() {
    return body;
  }
}
