package dev.catalog.local.events.sns;

import dev.catalog.template.Intrinsic;
import dev.catalog.template.IntrinsicResolver;
import dev.catalog.template.Resource;
import dev.catalog.template.SamTemplate;
import dev.catalog.template.TemplateException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The template's {@code AWS::SNS::Topic}s with their local ARNs, resolved as {@code !Ref} resolves them for the
 * functions' environments and policies ({@code arn:aws:sns:us-east-1:123456789012:local-ProductEventsTopic}), so a
 * function publishes to the ARN its template gives it.
 */
public final class TemplateTopics {
  private TemplateTopics() {}

  /** By ARN, in template order. */
  public static Map<String, Topic> read(SamTemplate template, IntrinsicResolver resolver) {
    Map<String, Topic> topics = new LinkedHashMap<>();
    template.resources().values().stream()
        .filter(resource -> resource.type().equals(Resource.TOPIC))
        .forEach(
            resource -> {
              String id = resource.logicalId();
              String arn = resolver.resolveString(new Intrinsic(Intrinsic.REF, id), id + " Ref");
              String name =
                  resolver.resolveString(
                      new Intrinsic(Intrinsic.GET_ATT, List.of(id, "TopicName")),
                      id + " TopicName");
              topics.put(arn, new Topic(id, name, arn, displayName(resolver, resource)));
            });
    return topics;
  }

  private static String displayName(IntrinsicResolver resolver, Resource resource) {
    Object declared = resource.properties().get("DisplayName");
    if (declared == null) {
      return "";
    }
    try {
      return resolver.resolveString(declared, resource.logicalId() + " DisplayName");
    } catch (TemplateException noLocalValue) {
      return "";
    }
  }
}
