package dev.catalog.template;

import java.util.Locale;
import java.util.Map;

/**
 * What the template's resources and pseudo parameters stand for locally: physical names, ARNs, attributes.
 * Failures are {@link Unresolvable}; the resolver adds the file, logical id and property.
 */
final class LocalResources {
  private final Map<String, Resource> resources;
  private final Map<String, String> physicalNames;
  private final String region;
  private final String accountId;
  private final String stackName;
  private final LocalSecrets secrets;

  LocalResources(
      Map<String, Resource> resources,
      Map<String, String> physicalNames,
      Map<String, String> secretValues,
      String region,
      String accountId,
      String stackName) {
    this.resources = resources;
    this.physicalNames = Map.copyOf(physicalNames);
    this.region = region;
    this.accountId = accountId;
    this.stackName = stackName;
    this.secrets = new LocalSecrets(resources, secretValues, this);
  }

  LocalSecrets secrets() {
    return secrets;
  }

  String pseudoParameter(String name) {
    return switch (name) {
      case "AWS::Region" -> region;
      case "AWS::AccountId" -> accountId;
      case "AWS::StackName" -> stackName;
      case "AWS::StackId" ->
          arn("cloudformation", "stack/" + stackName + "/00000000-0000-0000-0000-000000000000");
      case "AWS::Partition" -> "aws";
      case "AWS::URLSuffix" -> "amazonaws.com";
      default -> throw new Unresolvable("unknown pseudo parameter " + name);
    };
  }

  /**
   * As in CloudFormation, a secret's and a topic's Ref is its ARN, a queue's its URL; every other resource's Ref
   * here is its physical name. SAM's {@code Ref Function.Alias} is the Ref of the alias AutoPublishAlias makes: its
   * ARN.
   */
  String ref(String logicalId) {
    if (logicalId.endsWith(".Alias") && !resources.containsKey(logicalId)) {
      String function = logicalId.substring(0, logicalId.length() - ".Alias".length());
      if (resources.get(function) != null
          && resources.get(function).type().equals(Resource.FUNCTION)) {
        return attribute(function, "Alias");
      }
    }
    return switch (resource(logicalId).type()) {
      case Resource.SECRET, Resource.TOPIC -> arn(logicalId);
      case Resource.QUEUE ->
          "https://sqs." + region + ".amazonaws.com/" + accountId + "/" + physicalName(logicalId);
      default -> physicalName(logicalId);
    };
  }

  /** The name supplied, else the one the template gives ({@code TopicName}, {@code QueueName}), else {@code <stack>-<id>}. */
  String physicalName(String logicalId) {
    Resource resource = resource(logicalId);
    Object declared =
        switch (resource.type()) {
          case Resource.TOPIC -> resource.properties().get("TopicName");
          case Resource.QUEUE -> resource.properties().get("QueueName");
          default -> null;
        };
    return physicalNames.getOrDefault(
        logicalId, declared instanceof String name ? name : stackName + "-" + logicalId);
  }

  String attribute(String logicalId, String attribute) {
    Resource resource = resource(logicalId);
    if (attribute.equals("Arn")) {
      return arn(logicalId);
    }
    if (attribute.equals("Alias") && resource.type().equals(Resource.FUNCTION)) {
      // SAM's reference to the alias AutoPublishAlias makes: the function's ARN qualified by the
      // alias name.
      Object alias = resource.properties().get("AutoPublishAlias");
      return arn(logicalId) + ":" + (alias instanceof String name ? name : "live");
    }
    if (resource.type().equals(Resource.TOPIC) && attribute.equals("TopicName")
        || resource.type().equals(Resource.QUEUE) && attribute.equals("QueueName")) {
      return physicalName(logicalId);
    }
    if (resource.type().equals(Resource.TOPIC) && attribute.equals("TopicArn")) {
      return arn(logicalId);
    }
    if (resource.type().equals(Resource.QUEUE) && attribute.equals("QueueUrl")) {
      return ref(logicalId);
    }
    if (attribute.equals("StreamArn") && resource.type().equals(Resource.TABLE)) {
      // Only the shape matters locally: a stream ARN is the table's with a label.
      return arn(logicalId) + "/stream/1970-01-01T00:00:00.000";
    }
    throw new Unresolvable(
        "attribute "
            + attribute
            + " of "
            + logicalId
            + " ("
            + resource.type()
            + ") has no local value");
  }

  String arn(String logicalId) {
    String type = resource(logicalId).type();
    String name = physicalName(logicalId);
    return switch (type) {
      case Resource.TABLE, "AWS::Serverless::SimpleTable" -> arn("dynamodb", "table/" + name);
      case Resource.FUNCTION, "AWS::Lambda::Function" -> arn("lambda", "function:" + name);
      case Resource.SECRET -> arn("secretsmanager", "secret:" + name);
      case "AWS::IAM::Role" -> "arn:aws:iam::" + accountId + ":role/" + name;
      case Resource.TOPIC -> arn("sns", name);
      case Resource.QUEUE -> arn("sqs", name);
      default -> {
        String[] parts = type.split("::");
        String service = parts.length == 3 ? parts[1].toLowerCase(Locale.ROOT) : "unknown";
        String kind = parts.length == 3 ? parts[2].toLowerCase(Locale.ROOT) : "resource";
        yield arn(service, kind + "/" + name);
      }
    };
  }

  private String arn(String service, String resource) {
    return "arn:aws:" + service + ":" + region + ":" + accountId + ":" + resource;
  }

  private Resource resource(String logicalId) {
    Resource resource = resources.get(logicalId);
    if (resource == null) {
      throw new Unresolvable(
          "'" + logicalId + "' is neither a parameter nor a resource of the template");
    }
    return resource;
  }

  /** A value with no local counterpart; carries only a message, the resolver knows where it happened. */
  static final class Unresolvable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unresolvable(String message) {
      super(message, null, false, false);
    }
  }
}
