package dev.catalog.bench;

import dev.catalog.bench.RuntimeApiEndpoint.Reply;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One cold start of a function: a fresh JVM started the way the managed runtime starts it, the first event, then
 * every warm one, each handed over only once the runtime polls for it, as Lambda does.
 */
final class ColdStartRunner {

  private static final Pattern STATUS_CODE = Pattern.compile("\"statusCode\"\\s*:\\s*(\\d+)");

  private final ManagedRuntime runtime;
  private final int cpu;
  private final Duration timeout;
  private final Path logs;

  ColdStartRunner(ManagedRuntime runtime, int cpu, Duration timeout, Path logs) {
    this.runtime = runtime;
    this.cpu = cpu;
    this.timeout = timeout;
    this.logs = logs;
  }

  /**
   * Sends {@code events} (the first cold, the rest warm) to a new JVM that loads {@code function} from
   * {@code taskRoot}.
   */
  ColdStart run(BenchFunction function, Path taskRoot, List<byte[]> events, int attempt)
      throws IOException {
    Path log = logs.resolve(function.name() + "-" + attempt + ".log");
    try (var api =
            new RuntimeApiEndpoint(function.name(), Duration.ofSeconds(function.timeoutSeconds()));
        var jvm =
            FunctionProcess.start(
                runtime.command(function, cpu),
                runtime.environment(function, api.address(), taskRoot),
                taskRoot,
                log)) {
      Map<String, Integer> outcomes = new TreeMap<>();
      Reply first = invoke(api, jvm, events.get(0), outcomes, log);
      double initMs = Percentiles.millis(api.firstPollNanos() - jvm.startNanos());
      double coldMs = Percentiles.millis(first.receivedNanos() - jvm.startNanos());
      long rssAfterFirst = jvm.peakRssKib();
      long[] warm = new long[events.size() - 1];
      for (int i = 1; i < events.size(); i++) {
        warm[i - 1] = invoke(api, jvm, events.get(i), outcomes, log).nanos();
      }
      return new ColdStart(
          initMs,
          Percentiles.millis(first.nanos()),
          coldMs,
          rssAfterFirst,
          jvm.peakRssKib(),
          warm,
          outcomes);
    }
  }

  private Reply invoke(
      RuntimeApiEndpoint api,
      FunctionProcess jvm,
      byte[] event,
      Map<String, Integer> outcomes,
      Path log)
      throws IOException {
    Reply reply;
    try {
      reply = api.invoke(event, timeout, jvm::isAlive);
    } catch (IllegalStateException e) {
      throw new IOException(e.getMessage() + " (function log: " + log + ")", e);
    }
    outcomes.merge(outcome(reply), 1, Integer::sum);
    return reply;
  }

  static String outcome(Reply reply) {
    if (reply.isError()) {
      return "error:" + reply.errorType();
    }
    Matcher status = STATUS_CODE.matcher(reply.bodyText());
    if (status.find()) {
      return status.group(1);
    }
    // An authorizer answers with a policy, not a status.
    return reply.bodyText().contains("\"Effect\":\"Allow\"") ? "Allow" : "no statusCode";
  }
}
