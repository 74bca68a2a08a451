package dev.catalog.template;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * Builds {@link TableDef}s from {@code AWS::DynamoDB::Table} resources, checking what DynamoDB would reject at deploy
 * time (undefined key attributes, unused definitions, missing throughput) so the error shows up locally with the
 * property that causes it.
 */
final class TableReader {
  private TableReader() {}

  static TableDef read(String logicalId, TemplateSection resource) {
    TemplateSection properties = resource.section("Properties");
    Map<String, ScalarAttributeType> attributes = new LinkedHashMap<>();
    for (TemplateSection definition : properties.sectionList("AttributeDefinitions")) {
      attributes.put(
          definition.requireString("AttributeName"),
          choice(definition, "AttributeType", ScalarAttributeType.class));
    }
    TableDef.Key key = key(properties, "KeySchema");
    List<TableDef.Index> globals =
        properties.sectionList("GlobalSecondaryIndexes").stream().map(TableReader::index).toList();
    List<TableDef.Index> locals =
        properties.sectionList("LocalSecondaryIndexes").stream().map(TableReader::index).toList();
    BillingMode billing =
        properties.get("BillingMode").isPresent()
            ? choice(properties, "BillingMode", BillingMode.class)
            : BillingMode.PROVISIONED;
    Optional<TableDef.Throughput> throughput = throughput(properties);
    if (billing == BillingMode.PROVISIONED && throughput.isEmpty()) {
      throw properties.error(
          "ProvisionedThroughput", "is required when BillingMode is PROVISIONED");
    }
    TemplateSection ttl = properties.section("TimeToLiveSpecification");
    Optional<String> ttlAttribute =
        ttl.string("Enabled")
            .filter(Boolean::parseBoolean)
            .map(enabled -> ttl.requireString("AttributeName"));
    TemplateSection stream = properties.section("StreamSpecification");
    Optional<StreamViewType> streamView =
        stream.get("StreamViewType").isPresent()
            ? Optional.of(choice(stream, "StreamViewType", StreamViewType.class))
            : Optional.empty();
    checkAttributes(properties, attributes, key, globals, locals);
    return new TableDef(
        logicalId,
        attributes,
        key,
        globals,
        locals,
        ttlAttribute,
        billing,
        billing == BillingMode.PROVISIONED ? throughput : Optional.empty(),
        streamView);
  }

  private static TableDef.Index index(TemplateSection index) {
    TemplateSection projection = index.section("Projection");
    List<String> nonKey =
        projection.list("NonKeyAttributes").stream().map(String::valueOf).toList();
    return new TableDef.Index(
        index.requireString("IndexName"),
        key(index, "KeySchema"),
        choice(projection, "ProjectionType", ProjectionType.class),
        nonKey,
        throughput(index));
  }

  private static TableDef.Key key(TemplateSection owner, String property) {
    String hash = null;
    String range = null;
    for (TemplateSection element : owner.sectionList(property)) {
      String name = element.requireString("AttributeName");
      switch (element.requireString("KeyType")) {
        case "HASH" -> hash = hash == null ? name : fail(element, "repeats the HASH key");
        case "RANGE" -> range = range == null ? name : fail(element, "repeats the RANGE key");
        default -> throw element.error("KeyType", "must be HASH or RANGE");
      }
    }
    if (hash == null) {
      throw owner.error(property, "needs exactly one HASH key");
    }
    return new TableDef.Key(hash, Optional.ofNullable(range));
  }

  private static Optional<TableDef.Throughput> throughput(TemplateSection owner) {
    if (owner.get("ProvisionedThroughput").isEmpty()) {
      return Optional.empty();
    }
    TemplateSection units = owner.section("ProvisionedThroughput");
    try {
      return Optional.of(
          new TableDef.Throughput(
              Long.parseLong(units.requireString("ReadCapacityUnits")),
              Long.parseLong(units.requireString("WriteCapacityUnits"))));
    } catch (NumberFormatException e) {
      throw units.error("capacity units must be whole numbers");
    }
  }

  /** Every key attribute must be defined and every definition used, as DynamoDB insists. */
  private static void checkAttributes(
      TemplateSection properties,
      Map<String, ScalarAttributeType> attributes,
      TableDef.Key key,
      List<TableDef.Index> globals,
      List<TableDef.Index> locals) {
    Set<String> used = new HashSet<>();
    List<TableDef.Key> keys = new ArrayList<>(List.of(key));
    globals.forEach(index -> keys.add(index.key()));
    locals.forEach(index -> keys.add(index.key()));
    keys.forEach(
        k -> {
          used.add(k.hashKey());
          k.rangeKey().ifPresent(used::add);
        });
    for (String name : used) {
      if (!attributes.containsKey(name)) {
        throw properties.error(
            "AttributeDefinitions", "does not define key attribute '" + name + "'");
      }
    }
    for (String name : attributes.keySet()) {
      if (!used.contains(name)) {
        throw properties.error(
            "AttributeDefinitions", "defines '" + name + "', which no key schema uses");
      }
    }
  }

  private static <E extends Enum<E>> E choice(
      TemplateSection owner, String property, Class<E> type) {
    String value = owner.requireString(property);
    // SDK enums print their wire value ("PAY_PER_REQUEST", "S"); their catch-all constant is no
    // valid input.
    List<E> allowed =
        Arrays.stream(type.getEnumConstants())
            .filter(e -> !e.name().equals("UNKNOWN_TO_SDK_VERSION"))
            .toList();
    return allowed.stream()
        .filter(e -> e.toString().equals(value))
        .findFirst()
        .orElseThrow(() -> owner.error(property, "'" + value + "' is not one of " + allowed));
  }

  private static String fail(TemplateSection element, String problem) {
    throw element.error(problem);
  }
}
