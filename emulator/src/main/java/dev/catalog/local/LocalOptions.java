package dev.catalog.local;

import dev.catalog.local.console.LocalApiException;
import dev.catalog.local.console.LocalConsole;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * The settings of {@code ./mvnw -Plocal}, from system properties ({@code -Dname=value} on the Maven command line) and
 * the environment:
 *
 * <ul>
 *   <li>{@code -Dport=N} or {@code PORT=N}: the port (default 3000, as {@code sam local start-api}; the property wins)
 *   <li>{@code -Dlocal.wsPort=N}: the WebSocket API's port (default 3001, as serverless-offline; 0 when the HTTP port
 *       is 0, so a test's servers take free ports)
 *   <li>{@code -Dlocal.data=DIR}: keep DynamoDB's data in DIR across restarts (default: in memory)
 *   <li>{@code -Dlocal.seed=FILE}: PUT the products of FILE (a JSON array, e.g. {@code events/seed.json}) at start
 *   <li>{@code -Dlocal.template=FILE}: the SAM template (default {@code template.yaml})
 *   <li>{@code -Dlocal.maxInstances=N}: at most N instances per function (default: no cap)
 *   <li>{@code -Dlocal.warm=false}: create instances only on demand (default: one per function in the background)
 *   <li>{@code -Dlocal.dynamodb=URL}: use the DynamoDB at URL (e.g. DynamoDB Local in a container) instead of starting
 *       one in this JVM; the tables are created there if missing
 *   <li>{@code -Dlocal.iam=off}: let every function call DynamoDB without checking its template policy (default
 *       {@code on}: IAM enforced, see {@link dev.catalog.local.iam})
 *   <li>{@code -Dlocal.auth=off}: serve the write routes without a token, as a local administrator (default
 *       {@code on}: the template's Cognito authorizers enforced, see {@link dev.catalog.local.auth})
 *   <li>{@code -Dlocal.issuer=URL}: trust the tokens of the user pool whose issuer is URL instead of the built-in
 *       development issuer
 *   <li>{@code -Dinvoke=FUNCTION [-Devent=FILE]}: run one function with an event (default
 *       {@code events/FUNCTION.json}), print its response and exit, as {@code sam local invoke}
 * </ul>
 */
public record LocalOptions(
    Path template,
    int port,
    Path data,
    Path seed,
    int maxInstances,
    boolean warm,
    String invoke,
    Path event,
    boolean iam,
    URI dynamodb,
    boolean auth,
    String issuer,
    int wsPort) {
  static final int DEFAULT_PORT = 3000;
  static final int DEFAULT_WS_PORT = 3001;

  /** With the WebSocket API on its default port (any free one when {@code port} is 0). */
  public LocalOptions(
      Path template,
      int port,
      Path data,
      Path seed,
      int maxInstances,
      boolean warm,
      String invoke,
      Path event,
      boolean iam,
      URI dynamodb,
      boolean auth,
      String issuer) {
    this(
        template,
        port,
        data,
        seed,
        maxInstances,
        warm,
        invoke,
        event,
        iam,
        dynamodb,
        auth,
        issuer,
        port == 0 ? 0 : DEFAULT_WS_PORT);
  }

  /** With IAM enforced, the default. */
  public LocalOptions(
      Path template,
      int port,
      Path data,
      Path seed,
      int maxInstances,
      boolean warm,
      String invoke,
      Path event) {
    this(template, port, data, seed, maxInstances, warm, invoke, event, true, null);
  }

  /** With the template's authorizers enforced by the development issuer, the default. */
  public LocalOptions(
      Path template,
      int port,
      Path data,
      Path seed,
      int maxInstances,
      boolean warm,
      String invoke,
      Path event,
      boolean iam,
      URI dynamodb) {
    this(template, port, data, seed, maxInstances, warm, invoke, event, iam, dynamodb, true, null);
  }

  static final Path DEFAULT_TEMPLATE = Path.of("template.yaml");

  /** @throws LocalApiException naming the setting that is not valid */
  public static LocalOptions from(Properties properties, Map<String, String> environment) {
    String portProperty = blankToNull(properties.getProperty("port"));
    String portText = portProperty != null ? portProperty : blankToNull(environment.get("PORT"));
    int port =
        portText == null
            ? DEFAULT_PORT
            : number(portText, portProperty != null ? "-Dport" : "PORT", 0, 65535);
    String maxText = blankToNull(properties.getProperty("local.maxInstances"));
    int maxInstances = maxText == null ? 0 : number(maxText, "-Dlocal.maxInstances", 1, 10_000);
    Path template =
        Objects.requireNonNullElse(
            path(properties.getProperty("local.template")), DEFAULT_TEMPLATE);
    Path seed = path(properties.getProperty("local.seed"));
    if (seed != null && !Files.isRegularFile(seed)) {
      throw new LocalApiException("Seed file " + seed + " (from -Dlocal.seed) does not exist");
    }
    String invoke = blankToNull(properties.getProperty("invoke"));
    Path event = path(properties.getProperty("event"));
    if (invoke != null && event == null) {
      event = Path.of("events", invoke + ".json");
    }
    return new LocalOptions(
        template,
        port,
        path(properties.getProperty("local.data")),
        seed,
        maxInstances,
        !"false".equalsIgnoreCase(String.valueOf(properties.getProperty("local.warm")).strip()),
        invoke,
        event,
        iam(properties.getProperty("local.iam")),
        dynamodb(properties.getProperty("local.dynamodb"), properties),
        auth(properties.getProperty("local.auth")),
        issuer(properties.getProperty("local.issuer")),
        wsPort(properties.getProperty("local.wsPort"), port));
  }

  private static int wsPort(String text, int port) {
    return blankToNull(text) != null
        ? number(text, "-Dlocal.wsPort", 0, 65535)
        : port == 0 ? 0 : DEFAULT_WS_PORT;
  }

  private static boolean auth(String text) {
    return switch (text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "", "on", "true" -> true;
      case "off", "false" -> false;
      default ->
          throw new LocalApiException(
              "-Dlocal.auth=" + text + " is neither on (the default) nor off");
    };
  }

  private static String issuer(String text) {
    if (blankToNull(text) == null) {
      return null;
    }
    try {
      URI uri = new URI(text.strip());
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null) {
        return text.strip();
      }
    } catch (URISyntaxException invalid) {
      // Reported below.
    }
    throw new LocalApiException(
        "-Dlocal.issuer="
            + text
            + " is not an http(s) URL such as"
            + " https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123");
  }

  private static URI dynamodb(String text, Properties properties) {
    if (blankToNull(text) == null) {
      return null;
    }
    if (blankToNull(properties.getProperty("local.data")) != null) {
      throw new LocalApiException(
          "-Dlocal.data keeps the data of the DynamoDB started here; with -Dlocal.dynamodb the"
              + " data stays where that DynamoDB keeps it");
    }
    try {
      URI uri = new URI(text.strip());
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException invalid) {
      // Reported below.
    }
    throw new LocalApiException(
        "-Dlocal.dynamodb=" + text + " is not an http(s) URL such as http://localhost:8000");
  }

  /**
   * {@code -Dlocal.logs}: {@code text} (the default), everything on standard output, a request line in words;
   * {@code json}, only JSON lines on standard output (the functions' and the request lines), the tool's own lines on
   * standard error. See {@link LocalConsole}.
   */
  public static LocalConsole.Format logFormat(Properties properties) {
    return LocalConsole.Format.of(properties.getProperty("local.logs"));
  }

  private static boolean iam(String text) {
    return switch (text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "", "on", "true" -> true;
      case "off", "false" -> false;
      default ->
          throw new LocalApiException(
              "-Dlocal.iam=" + text + " is neither on (the default) nor off");
    };
  }

  private static int number(String text, String source, int min, int max) {
    try {
      int value = Integer.parseInt(text.strip());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException notANumber) {
      // Reported below with the range.
    }
    throw new LocalApiException(
        source + "=" + text + " is not a whole number from " + min + " to " + max);
  }

  private static Path path(String text) {
    return blankToNull(text) == null ? null : Path.of(text.strip());
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
