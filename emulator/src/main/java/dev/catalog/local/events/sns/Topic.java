package dev.catalog.local.events.sns;

/**
 * A topic the local endpoint serves.
 *
 * @param logicalId its logical id in the template, or its name for a topic made with CreateTopic
 * @param name the topic's name, the last part of its ARN
 * @param arn {@code arn:aws:sns:<region>:<account>:<name>}, what {@code !Ref} of it resolves to
 * @param displayName its DisplayName, or "" when it has none (or none with a local value)
 */
public record Topic(String logicalId, String name, String arn, String displayName) {}
