package dev.catalog.local.events.websocket;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.local.iam.ExecuteApiAccess;
import dev.catalog.local.iam.IamCall;
import dev.catalog.local.iam.IamEndpoint;
import dev.catalog.local.iam.LocalIam;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * API Gateway's {@code @connections} management API, served where the functions' {@code CONNECTIONS_ENDPOINT} points:
 * {@code POST /@connections/{id}} sends the body to the client as one message, {@code GET} describes the connection,
 * {@code DELETE} closes it (with or without the stage as a first segment, as the endpoint is given). The caller is the
 * access key id of the request's SigV4 signature, a function's logical id, and needs
 * {@code execute-api:ManageConnections} on the connection's ARN in its template policy ({@link ExecuteApiAccess}).
 * Answers are API Gateway's: 200 (POST, GET), 204 (DELETE), 410 {@code GoneException} for a connection that is not
 * open, 413 {@code PayloadTooLargeException} over 128 KB, 403 for a call outside the policy.
 */
final class ConnectionsApi {
  /** API Gateway's limit for a message, the data of a post included. */
  static final int MAX_PAYLOAD_BYTES = 128 * 1024;

  private static final Pattern PATH = Pattern.compile("(?:/[^/]+)?/@connections/([^/]+)");

  private final Connections connections;
  private final Supplier<LocalIam> iam;
  private final ExecuteApiAccess access;

  ConnectionsApi(Connections connections, Supplier<LocalIam> iam, ExecuteApiAccess access) {
    this.connections = connections;
    this.iam = iam;
    this.access = access;
  }

  /** Whether this request is for the management API (else it is the WebSocket API's). */
  static boolean serves(Request request) {
    return PATH.matcher(request.getHttpURI().getPath()).matches();
  }

  void handle(Request request, Response response, Callback callback) throws IOException {
    Matcher matcher = PATH.matcher(request.getHttpURI().getPath());
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "not a management path: " + request.getHttpURI().getPath());
    }
    String id = URLDecoder.decode(matcher.group(1).replace("+", "%2B"), StandardCharsets.UTF_8);
    String method = request.getMethod();
    if (!method.equals("POST") && !method.equals("GET") && !method.equals("DELETE")) {
      answer(
          response,
          callback,
          403,
          "MissingAuthenticationTokenException",
          "{\"message\":\"Missing Authentication Token\"}");
      return;
    }
    String caller = IamEndpoint.caller(request.getHeaders().get("Authorization"));
    if (caller == null) {
      answer(
          response,
          callback,
          403,
          "MissingAuthenticationTokenException",
          "{\"message\":\"Missing Authentication Token\"}");
      return;
    }
    IamCall decision =
        iam.get()
            .authorize(caller, ExecuteApiAccess.MANAGE_CONNECTIONS, access.connection(method, id));
    if (decision == null) {
      answer(
          response,
          callback,
          403,
          "UnrecognizedClientException",
          message("message", "The security token included in the request is invalid."));
      return;
    }
    if (!decision.allowed()) {
      answer(
          response, callback, 403, "AccessDeniedException", message("Message", decision.message()));
      return;
    }
    byte[] body = method.equals("POST") ? body(request) : new byte[0];
    if (body == null) {
      answer(
          response,
          callback,
          413,
          "PayloadTooLargeException",
          message("message", "Request Entity Too Large"));
      return;
    }
    var connection = connections.get(id);
    if (connection.isEmpty()) {
      answer(response, callback, 410, "GoneException", "{}");
      return;
    }
    switch (method) {
      case "POST" -> {
        if (connection.get().send(new String(body, StandardCharsets.UTF_8))) {
          answer(response, callback, 200, null, "");
        } else {
          answer(response, callback, 410, "GoneException", "{}");
        }
      }
      case "GET" -> answer(response, callback, 200, null, describe(connection.get()));
      default -> {
        connection.get().close(1000, "");
        answer(response, callback, 204, null, "");
      }
    }
  }

  /** The body, or null when it is over the limit (read no further than that). */
  private static byte[] body(Request request) throws IOException {
    try (InputStream in = Request.asInputStream(request)) {
      byte[] body = in.readNBytes(MAX_PAYLOAD_BYTES + 1);
      return body.length > MAX_PAYLOAD_BYTES ? null : body;
    }
  }

  /** GetConnection's answer: ISO-8601 times to the millisecond, and the identity of the client. */
  private static String describe(Connection connection) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("connectedAt", iso(connection.connectedAt()));
    ObjectNode identity = body.putObject("identity");
    identity.put("sourceIp", connection.sourceIp());
    if (connection.userAgent() != null) {
      identity.put("userAgent", connection.userAgent());
    }
    body.put("lastActiveAt", iso(connection.lastActiveAt()));
    return body.toString();
  }

  private static String iso(java.time.Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
  }

  private static String message(String member, String text) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put(member, text);
    return body.toString();
  }

  private static void answer(
      Response response, Callback callback, int status, String errorType, String body) {
    response.setStatus(status);
    response.getHeaders().put("x-amzn-RequestId", UUID.randomUUID().toString());
    if (errorType != null) {
      response.getHeaders().put("x-amzn-ErrorType", errorType);
    }
    if (!body.isEmpty()) {
      response.getHeaders().put("Content-Type", "application/json");
    }
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
  }
}
