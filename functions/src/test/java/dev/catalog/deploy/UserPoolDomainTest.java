package dev.catalog.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catalog.template.SamTemplate;
import dev.catalog.testing.DynamoDbLocal;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hosted UI's domain prefix is valid whatever the stack is called. Cognito takes lowercase letters, digits and
 * hyphens, at most 63 characters, not starting or ending with a hyphen, and refuses the words aws, amazon and
 * cognito; a prefix made of the stack name broke on capitals, long names and those words.
 */
class UserPoolDomainTest {
  private static final SamTemplate TEMPLATE = SamTemplate.load(DynamoDbLocal.TEMPLATE);
  private static final Pattern PREFIX = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

  @ParameterizedTest(name = "stack {0}")
  @ValueSource(
      strings = {
        "catalog",
        "Catalog-Prod",
        "aws-catalog",
        "amazon-store",
        "cognito-users",
        "a-stack-name-of-the-greatest-length-cloudformation-allows-is-128-characters-and-this-one-is-long-enough-to-show-it-0123456789"
      })
  void theDomainPrefixIsValidForAnyStackName(String stackName) {
    Object domain = TEMPLATE.resources().get("UserPoolDomain").properties().get("Domain");
    String prefix =
        TEMPLATE
            .resolver()
            .stackName(stackName)
            .build()
            .resolveString(domain, "UserPoolDomain.Domain");
    assertTrue(PREFIX.matcher(prefix).matches(), prefix);
    for (String reserved : List.of("aws", "amazon", "cognito")) {
      assertFalse(prefix.contains(reserved), prefix);
    }
  }
}
