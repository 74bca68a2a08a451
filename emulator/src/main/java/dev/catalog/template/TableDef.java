package dev.catalog.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

/**
 * One {@code AWS::DynamoDB::Table}: what DynamoDB needs to create it the same way locally.
 *
 * <p>Settings without a local effect (point-in-time recovery, encryption, tags) are not modelled, and deletion
 * protection is deliberately left out: tests delete their tables after each class.
 *
 * @param logicalId e.g. {@code ProductsTable}
 * @param attributes AttributeDefinitions: name to type, in template order
 * @param key the table's key schema
 * @param globalIndexes GlobalSecondaryIndexes
 * @param localIndexes LocalSecondaryIndexes
 * @param ttlAttribute the attribute of an enabled TimeToLiveSpecification
 * @param billingMode PAY_PER_REQUEST or PROVISIONED (CloudFormation's default)
 * @param throughput ProvisionedThroughput, present exactly when the billing mode is PROVISIONED
 * @param streamViewType StreamSpecification.StreamViewType
 */
public record TableDef(
    String logicalId,
    Map<String, ScalarAttributeType> attributes,
    Key key,
    List<Index> globalIndexes,
    List<Index> localIndexes,
    Optional<String> ttlAttribute,
    BillingMode billingMode,
    Optional<Throughput> throughput,
    Optional<StreamViewType> streamViewType) {

  public TableDef {
    // Ordered copy: AttributeDefinitions go to DynamoDB in the order the template lists them.
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    globalIndexes = List.copyOf(globalIndexes);
    localIndexes = List.copyOf(localIndexes);
  }

  /** A key schema: hash key and optional range key. */
  public record Key(String hashKey, Optional<String> rangeKey) {
    List<KeySchemaElement> toSdk() {
      List<KeySchemaElement> elements = new ArrayList<>(2);
      elements.add(KeySchemaElement.builder().attributeName(hashKey).keyType(KeyType.HASH).build());
      rangeKey.ifPresent(
          range ->
              elements.add(
                  KeySchemaElement.builder().attributeName(range).keyType(KeyType.RANGE).build()));
      return elements;
    }
  }

  /** A global or local secondary index. {@code nonKeyAttributes} is only meaningful for INCLUDE projections. */
  public record Index(
      String name,
      Key key,
      ProjectionType projection,
      List<String> nonKeyAttributes,
      Optional<Throughput> throughput) {
    public Index {
      nonKeyAttributes = List.copyOf(nonKeyAttributes);
    }

    Projection projectionToSdk() {
      var builder = Projection.builder().projectionType(projection);
      return nonKeyAttributes.isEmpty()
          ? builder.build()
          : builder.nonKeyAttributes(nonKeyAttributes).build();
    }
  }

  /** Read and write capacity units of a PROVISIONED table or index. */
  public record Throughput(long read, long write) {
    ProvisionedThroughput toSdk() {
      return ProvisionedThroughput.builder()
          .readCapacityUnits(read)
          .writeCapacityUnits(write)
          .build();
    }
  }

  /** The request that creates this table under {@code tableName} (physical names differ per stack and test). */
  public CreateTableRequest toCreateTableRequest(String tableName) {
    var request =
        CreateTableRequest.builder()
            .tableName(tableName)
            .billingMode(billingMode)
            .keySchema(key.toSdk())
            .attributeDefinitions(
                attributes.entrySet().stream()
                    .map(
                        attribute ->
                            AttributeDefinition.builder()
                                .attributeName(attribute.getKey())
                                .attributeType(attribute.getValue())
                                .build())
                    .toList());
    throughput.ifPresent(t -> request.provisionedThroughput(t.toSdk()));
    streamViewType.ifPresent(
        view ->
            request.streamSpecification(
                StreamSpecification.builder().streamEnabled(true).streamViewType(view).build()));
    if (!globalIndexes.isEmpty()) {
      request.globalSecondaryIndexes(
          globalIndexes.stream()
              .map(
                  index -> {
                    var gsi =
                        GlobalSecondaryIndex.builder()
                            .indexName(index.name())
                            .keySchema(index.key().toSdk())
                            .projection(index.projectionToSdk());
                    index.throughput().ifPresent(t -> gsi.provisionedThroughput(t.toSdk()));
                    return gsi.build();
                  })
              .toList());
    }
    if (!localIndexes.isEmpty()) {
      request.localSecondaryIndexes(
          localIndexes.stream()
              .map(
                  index ->
                      LocalSecondaryIndex.builder()
                          .indexName(index.name())
                          .keySchema(index.key().toSdk())
                          .projection(index.projectionToSdk())
                          .build())
              .toList());
    }
    return request.build();
  }

  /** The request that turns on TTL, when the template enables it; DynamoDB takes it only after creation. */
  public Optional<UpdateTimeToLiveRequest> toTimeToLiveRequest(String tableName) {
    return ttlAttribute.map(
        attribute ->
            UpdateTimeToLiveRequest.builder()
                .tableName(tableName)
                .timeToLiveSpecification(spec -> spec.attributeName(attribute).enabled(true))
                .build());
  }
}
