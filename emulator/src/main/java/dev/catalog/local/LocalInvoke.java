package dev.catalog.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.catalog.local.console.LocalApiException;
import dev.catalog.local.lambda.FunctionPool;
import dev.catalog.local.lambda.FunctionPool.Failed;
import dev.catalog.local.lambda.FunctionPool.Outcome;
import dev.catalog.local.lambda.FunctionPool.Returned;
import dev.catalog.local.lambda.FunctionPool.TimedOut;
import dev.catalog.template.SamTemplate;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The equivalent of {@code sam local invoke}: {@code ./mvnw -Plocal -Dinvoke=GetProductFunction} runs one function of
 * the template with an event file ({@code events/GetProductFunction.json}, or {@code -Devent=FILE}: any event, as
 * Lambda passes it to a stream handler; a REST proxy event for a handler of the event object) and prints its
 * response as JSON on standard output, and nothing else there: the function's log lines (what it writes to
 * {@code System.out}, as Lambda's runtime captures it) and the tool's own lines go to standard error. DynamoDB Local
 * and the tables are set up as for the API ({@code -Dlocal.data}, {@code -Dlocal.seed} apply), on a port of their own.
 * A function the template does not have is named, with the functions it has, before anything starts.
 */
public final class LocalInvoke {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);

  private LocalInvoke() {}

  /**
   * Runs the function, printing its response on {@code out} and everything else on {@code err}.
   *
   * @return 0 when the function returned a response, 1 when it failed or timed out
   */
  public static int run(LocalOptions options, PrintStream out, PrintStream err)
      throws InterruptedException {
    SamTemplate template = SamTemplate.load(options.template());
    if (!template.functions().containsKey(options.invoke())) {
      throw new LocalApiException(
          "-Dinvoke="
              + options.invoke()
              + ": "
              + options.template()
              + " has no function "
              + options.invoke()
              + "; its functions are "
              + String.join(", ", template.functions().keySet()));
    }
    if (!Files.isRegularFile(options.event())) {
      throw new LocalApiException(
          "Event file " + options.event() + " does not exist (give one with -Devent=FILE)");
    }
    byte[] event;
    try {
      event = Files.readAllBytes(options.event());
      JSON.readTree(event);
    } catch (IOException e) {
      throw new LocalApiException(
          "Event file "
              + options.event()
              + " is not JSON: "
              + e.getMessage().lines().findFirst().orElse(""));
    }
    LocalOptions anyPort =
        new LocalOptions(
            options.template(),
            0,
            options.data(),
            options.seed(),
            1,
            false,
            options.invoke(),
            options.event(),
            options.iam(),
            options.dynamodb(),
            options.auth(),
            options.issuer(),
            0);
    // The functions write their log lines to System.out, which is standard output when the tool is
    // the command
    // (LocalMain): while they run, it is standard error, so standard output carries the response
    // alone.
    PrintStream stdout = System.out;
    Outcome outcome;
    System.setOut(err);
    try (LocalServices services = LocalServices.start(anyPort, err)) {
      FunctionPool pool = services.functions().pool(options.invoke());
      outcome =
          pool.function().streamHandler()
              ? pool.invokeDirect(event, "invoke")
              : pool.invoke(proxyEvent(options, event), "invoke");
    } finally {
      System.setOut(stdout);
    }
    switch (outcome) {
      case Returned returned -> {
        out.println(write(returned.value()));
        return 0;
      }
      case Failed failed -> {
        out.println(write(error(failed.error())));
        return 1;
      }
      case TimedOut timedOut -> {
        out.println(write(Map.of("errorMessage", "Task timed out")));
        return 1;
      }
    }
  }

  /** The event as the REST proxy event object, for a handler that takes one rather than a stream. */
  private static APIGatewayProxyRequestEvent proxyEvent(LocalOptions options, byte[] event) {
    try {
      return JSON.readValue(event, APIGatewayProxyRequestEvent.class);
    } catch (IOException e) {
      throw new LocalApiException(
          "Event file "
              + options.event()
              + " is not an API Gateway proxy event: "
              + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  /** What Lambda returns for an unhandled exception. */
  private static Map<String, Object> error(Throwable failure) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("errorMessage", String.valueOf(failure.getMessage()));
    error.put("errorType", failure.getClass().getName());
    return error;
  }

  /** The response as JSON, indented; a stream handler's output as written when it is not JSON. */
  private static String write(Object value) {
    try {
      if (value instanceof byte[] output) {
        try {
          return JSON.writeValueAsString(JSON.readTree(output));
        } catch (IOException notJson) {
          return new String(output, java.nio.charset.StandardCharsets.UTF_8);
        }
      }
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new LocalApiException("The response cannot be written as JSON: " + e.getMessage());
    }
  }
}
