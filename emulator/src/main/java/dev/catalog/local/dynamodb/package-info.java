/**
 * The DynamoDB behind the local system and the tests: {@link dev.catalog.local.dynamodb.DynamoDbTarget}, one of
 * DynamoDB Local in this JVM ({@link dev.catalog.local.dynamodb.EmbeddedDynamoDb}, in memory or in a folder), a
 * DynamoDB someone else runs ({@link dev.catalog.local.dynamodb.ExternalDynamoDb}, {@code -Dlocal.dynamodb}), or
 * LocalStack in a container ({@link dev.catalog.local.dynamodb.LocalStackDynamoDb}, {@code -Ddynamodb=localstack});
 * and {@link dev.catalog.local.dynamodb.TemplateTables}, the template's tables created in it exactly as defined.
 * Depends on the template model only.
 */
package dev.catalog.local.dynamodb;
