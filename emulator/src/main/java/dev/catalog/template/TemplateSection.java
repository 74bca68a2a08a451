package dev.catalog.template;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A mapping of the template together with where it sits (file and property path), so every read that fails can say
 * exactly what is wrong and where, e.g. {@code template.yaml: Resources.GetProductFunction.Properties.Handler is
 * missing}.
 */
record TemplateSection(Path file, String path, Map<?, ?> values) {

  static TemplateSection root(Path file, Map<?, ?> values) {
    return new TemplateSection(file, "", values);
  }

  Optional<Object> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /** The nested mapping under {@code key}, or an empty one when the key is absent. */
  TemplateSection section(String key) {
    Object value = values.get(key);
    if (value != null && !(value instanceof Map)) {
      throw error(key, "must be a mapping, found " + describe(value));
    }
    return new TemplateSection(file, child(key), value == null ? Map.of() : (Map<?, ?>) value);
  }

  /** The entries of this mapping as sections, for Resources, Parameters, Events and the like. */
  Map<String, TemplateSection> sections() {
    var result = new LinkedHashMap<String, TemplateSection>();
    values.keySet().forEach(key -> result.put(String.valueOf(key), section(String.valueOf(key))));
    return result;
  }

  Optional<String> string(String key) {
    return get(key)
        .map(
            value ->
                switch (value) {
                  case String s -> s;
                  case Number n -> n.toString();
                  case Boolean b -> b.toString();
                  default -> throw error(key, "must be a plain value, found " + describe(value));
                });
  }

  String requireString(String key) {
    return string(key).orElseThrow(() -> error(key, "is missing"));
  }

  List<?> list(String key) {
    Object value = values.get(key);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw error(key, "must be a list, found " + describe(value));
    }
    return list;
  }

  /** The sections of a list of mappings, e.g. AttributeDefinitions or GlobalSecondaryIndexes. */
  List<TemplateSection> sectionList(String key) {
    List<?> list = list(key);
    var result = new ArrayList<TemplateSection>(list.size());
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof Map<?, ?> map)) {
        throw error(key + "[" + i + "]", "must be a mapping, found " + describe(list.get(i)));
      }
      result.add(new TemplateSection(file, child(key + "[" + i + "]"), map));
    }
    return result;
  }

  TemplateException error(String key, String problem) {
    return new TemplateException(file + ": " + child(key) + " " + problem);
  }

  TemplateException error(String problem) {
    return new TemplateException(file + ": " + path + ": " + problem);
  }

  private String child(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  static String describe(Object value) {
    return switch (value) {
      case Intrinsic intrinsic -> "intrinsic " + intrinsic.function();
      case Map<?, ?> map -> "a mapping";
      case List<?> list -> "a list";
      default -> "'" + value + "'";
    };
  }
}
