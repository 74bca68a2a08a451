package dev.catalog.local;

import dev.catalog.template.TemplateException;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./mvnw -Plocal}: the whole API of template.yaml on http://localhost:3000 with DynamoDB Local behind it, no
 * Docker. Prints one ready line with the URL, then the routes; Ctrl-C stops it. Settings: see {@link LocalOptions};
 * with {@code -Dinvoke=FUNCTION} it runs {@link LocalInvoke} instead.
 *
 * <p>Bad input to the tool (a template that does not parse, a Handler that names no class, a reference to a table
 * the template lacks, a port in use) stops it with one line naming the problem and exit status 1.
 */
public final class LocalMain {
  private LocalMain() {}

  public static void main(String[] args) throws InterruptedException {
    int status = run(System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Serves until the JVM shuts down (Ctrl-C); returns 1, after printing the reason, when it cannot start. */
  static int run(PrintStream out, PrintStream err) throws InterruptedException {
    LocalServices services;
    try {
      LocalOptions options = LocalOptions.from(System.getProperties(), System.getenv());
      if (options.invoke() != null) {
        return LocalInvoke.run(options, out, err);
      }
      long started = System.nanoTime();
      services = LocalServices.start(options, out);
      out.printf("Local API ready on %s in %d ms (%s; DynamoDB Local %s at %s%s). Ctrl-C stops it.%n",
          services.api().url(), (System.nanoTime() - started) / 1_000_000, options.template(),
          options.data() == null ? "in memory" : "in " + options.data(), services.dynamo().endpoint(),
          options.seed() == null ? "" : ", " + services.seeded() + " products added from " + options.seed());
      out.print(services.api().routeTable());
      if (options.warm()) {
        services.api().warm();
      }
    } catch (RuntimeException e) {
      err.println("local: " + oneLine(e));
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      services.close();
      out.println("Local API stopped.");
      stopped.countDown();
    }, "local-api-shutdown"));
    stopped.await();
    return 0;
  }

  /** The problem in one line: our own messages as they are, anything else with its first cause. */
  static String oneLine(RuntimeException e) {
    if (e instanceof TemplateException || e instanceof LocalApiException) {
      return e.getMessage();
    }
    Throwable cause = e.getCause();
    return e.getMessage() + (cause == null ? "" : ": " + cause);
  }
}
