package dev.catalog.template;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Local values for the template's {@code AWS::SecretsManager::Secret}s and the dynamic references to them
 * ({@code {{resolve:secretsmanager:<id>:SecretString}}}, where the id is the secret's ARN, name or logical id).
 *
 * <p>A secret's value is the one the caller gave, else its literal {@code SecretString}, else a random one made when
 * the resolver is built, just as {@code GenerateSecretString} makes one per stack.
 */
final class LocalSecrets {
  private static final Pattern REFERENCE = Pattern.compile("\\{\\{resolve:([A-Za-z-]+):(.*?)}}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, String> valuesById = new HashMap<>();

  LocalSecrets(Map<String, Resource> resources, Map<String, String> given, LocalResources names) {
    resources.values().stream()
        .filter(r -> r.type().equals(Resource.SECRET))
        .forEach(
            secret -> {
              String id = secret.logicalId();
              String value =
                  given.containsKey(id)
                      ? given.get(id)
                      : secret.properties().get("SecretString") instanceof String literal
                          ? literal
                          : random();
              for (String alias : List.of(names.arn(id), names.physicalName(id), id)) {
                valuesById.put(alias, value);
              }
            });
  }

  /** The text with every dynamic reference replaced by its secret's local value. */
  String replaceReferences(String text) {
    if (!text.contains("{{resolve:")) {
      return text;
    }
    Matcher matcher = REFERENCE.matcher(text);
    StringBuilder result = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(
          result, Matcher.quoteReplacement(value(matcher.group(1), matcher.group(2))));
    }
    matcher.appendTail(result);
    return result.toString();
  }

  private String value(String service, String reference) {
    if (!service.equals("secretsmanager")) {
      throw new LocalResources.Unresolvable(
          "dynamic reference {{resolve:"
              + service
              + ":...}} is not supported"
              + " locally (only secretsmanager references to the template's own secrets)");
    }
    // The id may itself contain colons (an ARN), so match the known ids rather than split the
    // reference.
    for (var entry : valuesById.entrySet()) {
      String id = entry.getKey();
      if (reference.equals(id) || reference.matches(Pattern.quote(id) + ":SecretString(:{0,3})")) {
        return entry.getValue();
      }
    }
    throw new LocalResources.Unresolvable(
        "{{resolve:secretsmanager:"
            + reference
            + "}} names no secret of the"
            + " template, or asks for a JSON key or version, which are not supported locally");
  }

  private static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
