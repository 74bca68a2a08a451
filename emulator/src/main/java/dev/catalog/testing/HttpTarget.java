package dev.catalog.testing;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Sends {@link ApiCall}s over real HTTP (the JDK's {@link HttpClient}, HTTP/1.1) to an API at {@code baseUrl}, such as
 * the local API. The path and query go on the wire exactly as the test wrote them; a header value outside US-ASCII
 * goes as its UTF-8 bytes, as curl sends it, through {@link RawHttpCall}.
 */
public final class HttpTarget implements ApiTarget, AutoCloseable {
  private final URI baseUrl;
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  public HttpTarget(URI baseUrl) {
    this.baseUrl = baseUrl;
  }

  @Override
  public ApiResult send(ApiCall call) {
    if (call.headers().stream()
        .anyMatch(header -> !US_ASCII.newEncoder().canEncode(header.getValue()))) {
      try {
        return RawHttpCall.send(baseUrl, call);
      } catch (IOException e) {
        throw new UncheckedIOException(call.method() + " " + call.pathAndQuery() + " failed", e);
      }
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + call.pathAndQuery()))
            .timeout(Duration.ofSeconds(60))
            .method(
                call.method(),
                call.body() == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(call.body()));
    call.headers().forEach(header -> request.header(header.getKey(), header.getValue()));
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new ApiResult(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(call.method() + " " + call.pathAndQuery() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(
          "Interrupted during " + call.method() + " " + call.pathAndQuery(), e);
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
