package dev.catalog.local.lambda;

import dev.catalog.local.LocalOptions;
import dev.catalog.local.LocalServices;
import dev.catalog.local.LocalApiException;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.catalog.local.lambda.FunctionPool.Failed;
import dev.catalog.local.lambda.FunctionPool.Outcome;
import dev.catalog.local.lambda.FunctionPool.Returned;
import dev.catalog.local.lambda.FunctionPool.TimedOut;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The equivalent of {@code sam local invoke}: {@code ./mvnw -Plocal -Dinvoke=GetProductFunction} runs one function of
 * the template with an event file ({@code events/GetProductFunction.json}, or {@code -Devent=FILE}) and prints its
 * response as JSON on standard output; the function's log and the cold start go to standard error. DynamoDB Local and
 * the tables are set up as for the API ({@code -Dlocal.data}, {@code -Dlocal.seed} apply), on a port of their own.
 */
public final class LocalInvoke {
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);

  private LocalInvoke() {}

  /** @return 0 when the function returned a response, 1 when it failed or timed out */
  public static int run(LocalOptions options, PrintStream out, PrintStream err) throws InterruptedException {
    if (!Files.isRegularFile(options.event())) {
      throw new LocalApiException("Event file " + options.event() + " does not exist (give one with -Devent=FILE)");
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
