package dev.catalog.template;

import java.util.Map;

/**
 * Any resource of the template, as the intrinsic resolver needs it: what a {@code Ref} or {@code Fn::GetAtt} to it
 * yields depends on its type.
 *
 * @param logicalId the key under {@code Resources}
 * @param type e.g. {@code AWS::DynamoDB::Table}
 * @param properties the raw {@code Properties}, intrinsics unresolved
 */
public record Resource(String logicalId, String type, Map<?, ?> properties) {
  public static final String FUNCTION = "AWS::Serverless::Function";
  public static final String TABLE = "AWS::DynamoDB::Table";
  public static final String SECRET = "AWS::SecretsManager::Secret";
  public static final String REST_API = "AWS::ApiGateway::RestApi";
  public static final String TOPIC = "AWS::SNS::Topic";
  public static final String QUEUE = "AWS::SQS::Queue";
}
