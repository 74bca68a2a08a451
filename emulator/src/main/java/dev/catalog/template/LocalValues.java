package dev.catalog.template;

import java.util.HashMap;
import java.util.Map;

/**
 * The local values a template's intrinsics resolve to: parameter overrides, physical names of resources, secret
 * values, region, account and stack name. Everything not given keeps its default; {@link #build()} makes the
 * {@link IntrinsicResolver}.
 */
public final class LocalValues {
  final SamTemplate template;
  final Map<String, String> parameterValues = new HashMap<>();
  final Map<String, String> physicalNames = new HashMap<>();
  final Map<String, String> secrets = new HashMap<>();
  String region = "us-east-1";
  String accountId = "123456789012";
  String stackName = "local";

  LocalValues(SamTemplate template) {
    this.template = template;
  }

  /** Overrides a parameter's Default, like {@code --parameter-overrides}. */
  public LocalValues parameter(String name, String value) {
    if (!template.parameters().containsKey(name)) {
      throw new TemplateException(
          template.source()
              + ": no parameter '"
              + name
              + "' to set (parameters: "
              + template.parameters().keySet()
              + ")");
    }
    parameterValues.put(name, value);
    return this;
  }

  /** The name a {@code Ref} to this resource yields, e.g. a table created under a unique name. */
  public LocalValues physicalName(String logicalId, String name) {
    requireResource(logicalId, null);
    physicalNames.put(logicalId, name);
    return this;
  }

  public LocalValues physicalNames(Map<String, String> namesByLogicalId) {
    namesByLogicalId.forEach(this::physicalName);
    return this;
  }

  /** The value of a Secrets Manager secret of the template, for its dynamic references. */
  public LocalValues secret(String logicalId, String value) {
    requireResource(logicalId, Resource.SECRET);
    secrets.put(logicalId, value);
    return this;
  }

  public LocalValues region(String region) {
    this.region = region;
    return this;
  }

  public LocalValues accountId(String accountId) {
    this.accountId = accountId;
    return this;
  }

  public LocalValues stackName(String stackName) {
    this.stackName = stackName;
    return this;
  }

  public IntrinsicResolver build() {
    return new IntrinsicResolver(this);
  }

  private void requireResource(String logicalId, String type) {
    Resource resource = template.resources().get(logicalId);
    if (resource == null || type != null && !resource.type().equals(type)) {
      throw new TemplateException(
          template.source()
              + ": no "
              + (type == null ? "resource" : type)
              + " '"
              + logicalId
              + "' in the template");
    }
  }
}
