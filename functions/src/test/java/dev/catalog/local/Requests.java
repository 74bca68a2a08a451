package dev.catalog.local;

import dev.catalog.local.events.http.LocalApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** Real HTTP requests to a running local API, through the JDK's client, for the tests of the local API itself. */
public final class Requests {
  static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private Requests() {}

  public static HttpRequest.Builder to(LocalApi api, String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create(api.url() + pathAndQuery))
        .timeout(Duration.ofSeconds(30));
  }

  /** A request with the access token of a person in catalog-admins, from the API's development issuer. */
  public static HttpRequest.Builder asAdmin(LocalApi api, String pathAndQuery) {
    return to(api, pathAndQuery)
        .header(
            "Authorization",
            "Bearer "
                + api.auth()
                    .developmentIssuer()
                    .orElseThrow()
                    .person("admin", List.of("catalog-admins"))
                    .accessToken());
  }

  public static HttpResponse<String> send(HttpRequest.Builder request) {
    return send(request, HttpResponse.BodyHandlers.ofString());
  }

  public static <T> HttpResponse<T> send(
      HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
    try {
      return CLIENT.send(request.build(), body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
