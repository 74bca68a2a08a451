package dev.catalog.testing;

import dev.catalog.local.iam.IamCall;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every AWS call the functions of template.yaml made in this test JVM, as {@link IamCall}s in a canonical form: a
 * table's ARN names it by logical id ({@code table/ProductsTable}), whatever name a test class gave its copy, as
 * {@code sam local} names tables. The least-privilege proof reads it at the end of the run.
 */
public final class IamRecord {
  private static final Pattern TABLE = Pattern.compile(":table/([^/]+)");
  private static final Pattern CONNECTION = Pattern.compile("/@connections/[^/]+$");
  private static final Set<IamCall> CALLS = ConcurrentHashMap.newKeySet();

  private IamRecord() {}

  /** Records {@code call} with its table names, {@code tableNames} by logical id, replaced by the logical ids. */
  static void add(IamCall call, Map<String, String> tableNames) {
    Matcher matcher = TABLE.matcher(call.resource());
    StringBuilder resource = new StringBuilder();
    while (matcher.find()) {
      String logicalId =
          tableNames.entrySet().stream()
              .filter(entry -> entry.getValue().equals(matcher.group(1)))
              .map(Map.Entry::getKey)
              .findFirst()
              .orElse(matcher.group(1));
      matcher.appendReplacement(resource, Matcher.quoteReplacement(":table/" + logicalId));
    }
    matcher.appendTail(resource);
    String canonical = CONNECTION.matcher(resource).replaceFirst("/@connections/{connectionId}");
    resource.setLength(0);
    resource.append(canonical);
    CALLS.add(
        new IamCall(
            call.function(),
            call.action(),
            resource.toString(),
            call.decision(),
            call.message() == null ? null : call.message().replace(call.resource(), resource)));
  }

  /** What was recorded so far, in no particular order. */
  public static List<IamCall> calls() {
    return List.copyOf(CALLS);
  }
}
