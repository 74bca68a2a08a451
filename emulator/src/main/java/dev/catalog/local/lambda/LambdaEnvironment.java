package dev.catalog.local.lambda;

import dev.catalog.template.FunctionDef;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The variables Lambda sets in every function's environment on top of the template's, with the values they would
 * have for a function of this name locally. They win over the template's, as in Lambda, where they are reserved.
 */
public final class LambdaEnvironment {
  private LambdaEnvironment() {}

  /** {@code configured}: the template's variables resolved, plus the DynamoDB endpoint, region and credentials. */
  public static Map<String, String> of(FunctionDef function, Map<String, String> configured) {
    Map<String, String> environment = new LinkedHashMap<>(configured);
    String region = configured.getOrDefault("AWS_REGION", "us-east-1");
    environment.put("AWS_REGION", region);
    environment.put("AWS_DEFAULT_REGION", region);
    environment.put(
        "AWS_EXECUTION_ENV", "AWS_Lambda_" + function.runtime().toLowerCase(Locale.ROOT));
    environment.put("AWS_LAMBDA_FUNCTION_NAME", function.logicalId());
    environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memorySizeMb()));
    environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    environment.put(
        "AWS_LAMBDA_INITIALIZATION_TYPE", function.snapStart() ? "snap-start" : "on-demand");
    environment.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + function.logicalId());
    environment.put("AWS_LAMBDA_LOG_STREAM_NAME", "local/[$LATEST]" + function.logicalId());
    environment.put("_HANDLER", function.handler());
    return environment;
  }
}
