/**
 * The SNS event source of the local tool: {@link dev.catalog.local.events.sns.LocalSns}, SNS on loopback over the
 * protocol the SDK speaks (AWS Query in, SNS's XML out), serving the template's topics
 * ({@link dev.catalog.local.events.sns.TemplateTopics}) to the functions through their {@code SNS_ENDPOINT}, with
 * SNS's validation of messages and attributes ({@link dev.catalog.local.events.sns.MessageValidation},
 * {@link dev.catalog.local.events.sns.PublishBatch}) and each function's {@code sns:*} grants enforced by
 * {@link dev.catalog.local.iam.Authorizer}. Every message accepted is one console line and a
 * {@link dev.catalog.local.events.sns.PublishedMessage} kept for tests.
 */
package dev.catalog.local.events.sns;
