package dev.catalog.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.catalog.local.FunctionPool.Failed;
import dev.catalog.local.FunctionPool.Outcome;
import dev.catalog.local.FunctionPool.Returned;
import dev.catalog.local.FunctionPool.TimedOut;
import java.io.IOException;
import java.io.PrintStream;
import dev.catalog.template.SamTemplate;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The equivalent of {@code sam local invoke}: {@code ./mvnw -Plocal -Dinvoke=GetProductFunction} runs one function of
 * the template with an event file ({@code events/GetProductFunction.json}, or {@code -Devent=FILE}) and prints its
 * response as JSON on standard output; the function's log and the cold start go to standard error. DynamoDB Local and
 * the tables are set up as for the API ({@code -Dlocal.data}, {@code -Dlocal.seed} apply), on a port of their own.
 * A function without Api events (a stream consumer) gets the file's JSON as it is, e.g. a {@code DynamodbEvent}, and
 * its answer is printed as the JSON it wrote.
 */
final class LocalInvoke {
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);

  private LocalInvoke() {}

  /** @return 0 when the function returned a response, 1 when it failed or timed out */
  static int run(LocalOptions options, PrintStream out, PrintStream err) throws InterruptedException {
    if (!Files.isRegularFile(options.event())) {
      throw new LocalApiException("Event file " + options.event() + " does not exist (give one with -Devent=FILE)");
    }
    if (SamTemplate.load(options.template()).function(options.invoke()).routes().isEmpty()) {
      return runWithJson(options, out, err);
    }
    APIGatewayProxyRequestEvent event;
    try {
      event = JSON.readValue(options.event().toFile(), APIGatewayProxyRequestEvent.class);
    } catch (IOException e) {
      throw new LocalApiException("Event file " + options.event() + " is not an API Gateway proxy event: "
          + e.getMessage().lines().findFirst().orElse(""));
    }
    LocalOptions anyPort = new LocalOptions(options.template(), 0, options.data(), options.seed(), 1, false,
        options.invoke(), options.event(), options.iam(), options.dynamodb(), options.auth(), options.issuer());
    try (LocalServices services = LocalServices.start(anyPort, err)) {
      Outcome outcome = services.api().invoke(options.invoke(), event);
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
  }

  /** Event sources other than API Gateway: the file's JSON in, the function's JSON out. */
  private static int runWithJson(LocalOptions options, PrintStream out, PrintStream err) throws InterruptedException {
    byte[] event;
    try {
      event = Files.readAllBytes(options.event());
      JSON.readTree(event);
    } catch (IOException e) {
      throw new LocalApiException("Event file " + options.event() + " is not JSON: "
          + e.getMessage().lines().findFirst().orElse(""));
    }
    try (LocalServices services = LocalServices.start(anyPort(options), err)) {
      Outcome outcome = services.api().invokeJson(options.invoke(), event, "invoke");
      switch (outcome) {
        case Returned returned -> {
          byte[] payload = (byte[]) returned.value();
          out.println(payload.length == 0 ? "null" : write(readJson(payload)));
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
  }

  /** The function's output as JSON, or as a JSON string when it wrote something else. */
  private static Object readJson(byte[] payload) {
    try {
      return JSON.readTree(payload);
    } catch (IOException notJson) {
      return new String(payload, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private static LocalOptions anyPort(LocalOptions options) {
    return new LocalOptions(options.template(), 0, options.data(), options.seed(), 1, false,
        options.invoke(), options.event(), options.iam(), options.dynamodb(), options.auth(), options.issuer());
  }

  /** What Lambda returns for an unhandled exception. */
  private static Map<String, Object> error(Throwable failure) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("errorMessage", String.valueOf(failure.getMessage()));
    error.put("errorType", failure.getClass().getName());
    return error;
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new LocalApiException("The response cannot be written as JSON: " + e.getMessage());
    }
  }
}
