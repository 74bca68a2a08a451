package dev.catalog.local.events.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.local.iam.FunctionPolicy;
import dev.catalog.local.iam.Statement;
import dev.catalog.template.WebSocketApiDef;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code $connect} route's Lambda REQUEST authorizer, run as API Gateway runs it before the route's function: an
 * identity source the handshake lacks is 401 without calling the authorizer; the authorizer's function then answers
 * with a policy on {@code execute-api:Invoke} for the {@code methodArn} (Allow lets the connection through with the
 * policy's {@code principalId} and {@code context} in every later event's {@code requestContext.authorizer}; Deny,
 * or no statement covering it, is 403); an error whose message is {@code Unauthorized} is 401; any other failure 500.
 */
final class ConnectAuthorizer {
  private final RouteInvoker invoker;
  private final WebSocketEvents events;
  private final String methodArn;
  private final PrintStream console;

  ConnectAuthorizer(
      RouteInvoker invoker, WebSocketEvents events, String methodArn, PrintStream console) {
    this.invoker = invoker;
    this.events = events;
    this.methodArn = methodArn;
    this.console = console;
  }

  /**
   * The decision: {@code status} 0 lets the connection through with {@code context}; any other refuses it, for
   * {@code reason} (the console's words, never the token).
   */
  record Decision(int status, JsonNode context, String reason) {
    Decision(int status, String reason) {
      this(status, null, reason);
    }
  }

  /** For a handshake: its refusal is told on the console as {@code $connect}'s. */
  Decision authorize(
      WebSocketApiDef.Authorizer authorizer,
      Connection connection,
      WebSocketEvents.Handshake handshake,
      String requestId)
      throws InterruptedException {
    return authorize(authorizer, connection, handshake, requestId, "$connect");
  }

  /** @param label what the console line names, {@code $connect} or a check of one */
  Decision authorize(
      WebSocketApiDef.Authorizer authorizer,
      Connection connection,
      WebSocketEvents.Handshake handshake,
      String requestId,
      String label)
      throws InterruptedException {
    for (String source : authorizer.identitySources()) {
      if (!present(source, handshake)) {
        return refuse(label, new Decision(401, "identity source " + source + " missing"));
      }
    }
    long started = System.nanoTime();
    RouteInvoker.Result result =
        invoker.invoke(
            authorizer.function(),
            events.authorizer(connection, handshake, methodArn, requestId),
            requestId);
    if (!result.succeeded()) {
      boolean unauthorized = "Unauthorized".equals(result.errorMessage());
      return refuse(
          label,
          new Decision(
              unauthorized ? 401 : 500,
              "the authorizer "
                  + (unauthorized ? "answered Unauthorized" : "failed: " + result.errorMessage())));
    }
    JsonNode response = result.response();
    if (response == null
        || !response.path("principalId").isValueNode()
        || !response.path("policyDocument").isObject()) {
      return refuse(
          label,
          new Decision(500, "the authorizer's response has no principalId and policyDocument"));
    }
    FunctionPolicy policy =
        new FunctionPolicy(authorizer.function(), statements(response.get("policyDocument")));
    if (policy.evaluate("execute-api:Invoke", methodArn) != FunctionPolicy.Decision.ALLOWED) {
      return refuse(
          label, new Decision(403, "the authorizer's policy does not allow " + methodArn));
    }
    ObjectNode context = JsonNodeFactory.instance.objectNode();
    context.put("principalId", response.get("principalId").asText());
    context.put("integrationLatency", (System.nanoTime() - started) / 1_000_000);
    response
        .path("context")
        .properties()
        .forEach(entry -> context.set(entry.getKey(), entry.getValue()));
    return new Decision(0, context, null);
  }

  private Decision refuse(String label, Decision decision) {
    console.printf(
        "[local WebSocket API] %s: %d, %s%n", label, decision.status(), decision.reason());
    return decision;
  }

  private static boolean present(String source, WebSocketEvents.Handshake handshake) {
    String[] parts = source.split("\\.", 4);
    if (parts.length == 4 && parts[2].equals("querystring")) {
      return nonEmpty(handshake.query().get(parts[3]));
    }
    if (parts.length == 4 && parts[2].equals("header")) {
      return handshake.headers().entrySet().stream()
          .anyMatch(
              header -> header.getKey().equalsIgnoreCase(parts[3]) && nonEmpty(header.getValue()));
    }
    return true;
  }

  private static boolean nonEmpty(List<String> values) {
    return values != null && values.stream().anyMatch(value -> !value.isEmpty());
  }

  private static List<Statement> statements(JsonNode document) {
    JsonNode declared = document.path("Statement");
    List<Statement> statements = new ArrayList<>();
    for (JsonNode statement : declared.isArray() ? declared : List.of(declared)) {
      statements.add(
          new Statement(
              "#" + (statements.size() + 1),
              "allow".equals(statement.path("Effect").asText().toLowerCase(Locale.ROOT)),
              strings(statement.path("Action")),
              strings(statement.path("Resource"))));
    }
    return statements;
  }

  private static List<String> strings(JsonNode value) {
    List<String> strings = new ArrayList<>();
    if (value.isArray()) {
      value.forEach(item -> strings.add(item.asText()));
    } else if (value.isTextual()) {
      strings.add(value.asText());
    }
    return strings;
  }

  /** The ARN API Gateway passes as {@code methodArn} for the {@code $connect} route. */
  static String methodArn(String region, String accountId, WebSocketApiDef api) {
    return "arn:aws:execute-api:"
        + region
        + ":"
        + accountId
        + ":"
        + api.apiId()
        + "/"
        + api.stage()
        + "/$connect";
  }
}
