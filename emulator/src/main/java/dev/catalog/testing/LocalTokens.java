package dev.catalog.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;

/**
 * Access tokens of a running local system's development issuer, asked of its token endpoint ({@code POST
 * /_local/token}) as a client asks for them, so that they are signed by the key the running authorizers trust.
 */
public final class LocalTokens {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private LocalTokens() {}

  /**
   * The access token the local API at {@code api} issues for {@code form} (e.g. {@code groups=catalog-admins},
   * {@code scope=products/write}, {@code expires_in=10}); fails, naming the answer, when it issues none.
   */
  public static String request(URI api, String form) throws IOException, InterruptedException {
    var response =
        HTTP.send(
            HttpRequest.newBuilder(api.resolve("/_local/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString(form))
                .build(),
            BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "The token endpoint answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body()).path("access_token").asText();
  }
}
