package dev.catalog.local;

import dev.catalog.local.auth.LocalAuth;
import dev.catalog.local.auth.TokenEndpoint;
import dev.catalog.local.console.LocalApiException;
import dev.catalog.local.console.LocalConsole;
import dev.catalog.local.console.RequestLog;
import dev.catalog.local.events.http.LocalApi;
import dev.catalog.template.TemplateException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * {@code ./mvnw -Plocal}: the whole API of template.yaml on http://localhost:3000 (and its WebSocket API on
 * ws://localhost:3001) with DynamoDB Local behind it, no Docker. Prints the routes, then one ready line with the URL,
 * last; Ctrl-C stops it. Settings: see {@link LocalOptions};
 * with {@code -Dinvoke=FUNCTION} it runs {@link LocalInvoke} instead.
 *
 * <p>Bad input to the tool (a template that does not parse, a Handler that names no class, a reference to a table
 * the template lacks, a stream mapping Lambda would refuse to create, a port in use) stops it with one line naming
 * the problem and exit status 1.
 */
public final class LocalMain {
  private LocalMain() {}

  public static void main(String[] args) throws InterruptedException {
    int status = run(System.getProperties(), System.getenv(), System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Serves until the JVM shuts down (Ctrl-C); returns 1, after printing the reason, when it cannot start. */
  static int run(
      Properties properties, Map<String, String> environment, PrintStream out, PrintStream err)
      throws InterruptedException {
    LocalOptions options;
    LocalConsole console;
    try {
      options = LocalOptions.from(properties, environment);
      // The one place where what the tool prints goes is chosen: by kind of line, as -Dlocal.logs
      // asks.
      console = LocalConsole.of(LocalOptions.logFormat(properties), out, err);
      if (options.invoke() != null) {
        return LocalInvoke.run(options, out, err);
      }
    } catch (RuntimeException e) {
      err.println("local: " + oneLine(e));
      return 1;
    }
    LocalServices services = start(options, console.tool(), console.requests(), err);
    if (services == null) {
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  services.close();
                  console.tool().println("Local API stopped.");
                  stopped.countDown();
                },
                "local-api-shutdown"));
    stopped.await();
    return 0;
  }

  /**
   * Starts the services and prints the routes, how to get a token, the dashboard's address, and the ready line last,
   * once the start is over (the seed written, what it set going delivered and printed); or prints why it cannot, as
   * one line on {@code err}, and returns null. No line per request.
   */
  static LocalServices start(LocalOptions options, PrintStream out, PrintStream err) {
    return start(options, out, RequestLog.NONE, err);
  }

  /**
   * As {@link #start(LocalOptions, PrintStream, PrintStream)}, the tool's own lines on {@code out}, and a line per
   * request written to {@code requests}.
   */
  static LocalServices start(
      LocalOptions options, PrintStream out, RequestLog requests, PrintStream err) {
    long started = System.nanoTime();
    LocalServices services;
    try {
      services = LocalServices.start(options, out, requests);
    } catch (RuntimeException e) {
      err.println("local: " + oneLine(e));
      return null;
    }
    out.print(services.api().routeTable());
    out.println(authLine(services.api()));
    out.println(
        "Live dashboard: "
            + services
                .api()
                .url()
                .resolve(
                    "/?category="
                        + URLEncoder.encode(services.dashboardCategory(), StandardCharsets.UTF_8)
                            .replace("+", "%20")));
    // Last: whoever waits for this line finds everything before it done.
    out.printf(
        "Local API ready on %s%s in %d ms (%s; %s at %s%s; %s; %s; %s). Ctrl-C stops it.%n",
        services.api().url(),
        services.webSocket() == null
            ? ""
            : ", WebSocket API on "
                + services.webSocket().url()
                + " (@connections on "
                + services.webSocket().connectionsEndpoint()
                + ")",
        (System.nanoTime() - started) / 1_000_000,
        options.template(),
        options.dynamodb() != null
            ? "DynamoDB"
            : "DynamoDB Local " + (options.data() == null ? "in memory" : "in " + options.data()),
        services.dynamo().endpoint(),
        options.seed() == null
            ? ""
            : ", " + services.seeded() + " products added from " + options.seed(),
        services.iam().enforced()
            ? "IAM enforced from the template's policies (-Dlocal.iam=off to stop)"
            : "IAM not enforced (-Dlocal.iam=off)",
        snsLine(services),
        services.streams().describe());
    if (options.warm()) {
      services.api().warm();
    }
    return services;
  }

  /** Event sources: the SNS endpoint and its topics, for the ready line. */
  static String snsLine(LocalServices services) {
    var topics = services.sns().topics();
    return "SNS at "
        + services.sns().url()
        + " with "
        + (topics.isEmpty()
            ? "no topics"
            : topics.size()
                + (topics.size() == 1 ? " topic (" : " topics (")
                + topics.stream().map(topic -> topic.logicalId()).collect(Collectors.joining(", "))
                + "), each message printed as an [SNS] line");
  }

  /** How writes are authenticated, and the one command that gets a token; loud when nothing is checked. */
  static String authLine(LocalApi api) {
    LocalAuth auth = api.auth();
    if (!auth.enforced()) {
      return "!!! AUTHENTICATION OFF (-Dlocal.auth=off): every write route is served without a token, and the"
          + " WebSocket API's $connect without its authorizer, as a local administrator. Never expose these ports. !!!";
    }
    return auth.developmentIssuer()
        .map(
            issuer ->
                "Writes need a token from the development issuer: curl -s -X POST "
                    + api.url()
                    + TokenEndpoint.PATH
                    + " -d groups=catalog-editors   (groups=catalog-admins to delete;"
                    + " scope=products/write for a service); send its access_token as Authorization: Bearer ...")
        .orElse(
            "Writes need an access token of the user pool "
                + "whose issuer is given by -Dlocal.issuer.");
  }

  /**
   * The problem in one line: our own messages as they are, anything else with its first cause. A message of several
   * lines (a YAML parser's, with the offending source line and a caret under it) keeps its prose lines, joined.
   */
  static String oneLine(RuntimeException e) {
    String message = e.getMessage();
    if (!(e instanceof TemplateException || e instanceof LocalApiException)
        && e.getCause() != null) {
      message += ": " + e.getCause();
    }
    return String.valueOf(message)
        .lines()
        .filter(line -> !line.startsWith("    ") && !line.isBlank())
        .map(String::strip)
        .collect(Collectors.joining(" "));
  }
}
