package dev.catalog.local.iam;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The IAM actions and resources one DynamoDB request needs, as DynamoDB authorises them: the table's ARN, or the
 * index's ({@code table/T/index/I}) for a Query or Scan of an index; a transaction's items each by their own action
 * ({@code PutItem}, {@code UpdateItem}, {@code DeleteItem}, {@code ConditionCheckItem}, {@code GetItem}); a batch by
 * {@code BatchGetItem} or {@code BatchWriteItem} on each table it names.
 */
public final class DynamoDbAccess {
  /** One action on one resource. */
  public record Access(String action, String resource) {}

  private final String region;
  private final String accountId;

  public DynamoDbAccess(String region, String accountId) {
    this.region = region;
    this.accountId = accountId;
  }

  /**
   * @param operation the operation of {@code X-Amz-Target} ({@code DynamoDB_20120810.GetItem} → {@code GetItem})
   * @param body the request's JSON
   */
  public List<Access> of(String operation, JsonNode body) {
    List<Access> accesses = new ArrayList<>();
    switch (operation) {
      case "TransactWriteItems" ->
          body.path("TransactItems")
              .forEach(
                  item ->
                      item.properties()
                          .forEach(
                              entry ->
                                  accesses.add(
                                      new Access(
                                          transactAction(entry.getKey()),
                                          table(entry.getValue().path("TableName"))))));
      case "TransactGetItems" ->
          body.path("TransactItems")
              .forEach(
                  item ->
                      accesses.add(
                          new Access(
                              "dynamodb:GetItem", table(item.path("Get").path("TableName")))));
      case "BatchGetItem", "BatchWriteItem" ->
          body.path("RequestItems")
              .propertyStream()
              .forEach(
                  entry ->
                      accesses.add(new Access("dynamodb:" + operation, table(entry.getKey()))));
      default -> {
        JsonNode tableName = body.path("TableName");
        String resource =
            tableName.isTextual()
                ? table(tableName)
                : body.path("ResourceArn").isTextual() ? body.path("ResourceArn").asText() : "*";
        if (body.path("IndexName").isTextual()
            && (operation.equals("Query") || operation.equals("Scan"))) {
          resource += "/index/" + body.path("IndexName").asText();
        }
        accesses.add(new Access("dynamodb:" + operation, resource));
      }
    }
    return accesses;
  }

  private static String transactAction(String kind) {
    return switch (kind) {
      case "Put" -> "dynamodb:PutItem";
      case "Update" -> "dynamodb:UpdateItem";
      case "Delete" -> "dynamodb:DeleteItem";
      case "ConditionCheck" -> "dynamodb:ConditionCheckItem";
      default -> "dynamodb:" + kind;
    };
  }

  /** A table's ARN; a name that is an ARN already (DynamoDB accepts both) stays as it is. */
  private String table(JsonNode name) {
    return table(name.asText());
  }

  private String table(String name) {
    return name.startsWith("arn:")
        ? name
        : "arn:aws:dynamodb:" + region + ":" + accountId + ":table/" + name;
  }
}
