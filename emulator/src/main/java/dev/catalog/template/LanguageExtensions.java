package dev.catalog.template;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the {@code AWS::LanguageExtensions} transform does to a template before SAM sees it, for the forms this
 * project uses: it expands every {@code Fn::ForEach} loop, and turns a {@code Ref} or {@code Fn::GetAtt} whose
 * argument is an {@code Fn::Sub} into a plain one.
 *
 * <p>A loop is a key {@code Fn::ForEach::LoopName} whose value is {@code [Identifier, [Value, ...], {OutputKey:
 * OutputValue, ...}]}; it is replaced, in place, by its fragment once per value of the collection. In each copy
 * {@code ${Identifier}} and {@code &{Identifier}} (the value without its non-alphanumeric characters) are replaced in
 * the keys and in {@code Fn::Sub} strings (one left with no {@code ${...}} at all becomes a plain string), and
 * {@code Ref: Identifier} becomes the value itself; every output key must
 * name the identifier, so that the copies differ. Loops nest, and may appear in {@code Resources} (resource
 * properties included), {@code Conditions} and {@code Outputs} only.
 *
 * <p>Anything else fails with a {@link TemplateException} naming the place, rather than being read in a way
 * CloudFormation might not: a collection that is not a literal list of strings (a {@code Ref} to a
 * {@code CommaDelimitedList} is valid CloudFormation, but its value is only known at deploy time), an identifier in a
 * plain string, a {@code Ref} string or a dotted {@code Fn::GetAtt} (CloudFormation's documentation shows the identifier
 * only in keys, {@code Fn::Sub} and {@code Ref: Identifier}, and cfn-lint substitutes it nowhere else: write those with
 * {@code Fn::Sub}), an output key that would be generated twice or clash with a
 * key written beside the loop, a loop name used twice or also a resource's logical id, and a loop without the
 * transform, or with the transform listed after SAM's (transforms run in the order listed, and SAM cannot read a loop).
 */
final class LanguageExtensions {
  static final String TRANSFORM = "AWS::LanguageExtensions";
  static final String SERVERLESS = "AWS::Serverless-2016-10-31";
  static final String FOR_EACH = "Fn::ForEach::";

  /** The sections CloudFormation expands loops in; a loop anywhere else is an error. */
  private static final Set<String> LOOP_SECTIONS = Set.of("Resources", "Conditions", "Outputs");

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9]+");

  private final Path file;

  /** Whether the template declares the transform: without it, a Ref or GetAtt keeps its argument as written. */
  private final boolean declared;

  private LanguageExtensions(Path file, boolean declared) {
    this.file = file;
    this.declared = declared;
  }

  /** The template as CloudFormation hands it to the next transform; the input is left unchanged. */
  static Map<String, Object> apply(Path file, Map<String, Object> template) {
    List<String> transforms = transforms(template.get("Transform"));
    boolean declared = transforms.contains(TRANSFORM);
    if (declared
        && transforms.contains(SERVERLESS)
        && transforms.indexOf(TRANSFORM) > transforms.indexOf(SERVERLESS)) {
      throw new TemplateException(
          file
              + ": Transform lists "
              + SERVERLESS
              + " before "
              + TRANSFORM
              + ": transforms run in the order listed, and SAM cannot read what the language extensions expand");
    }
    return new LanguageExtensions(file, declared).expandTemplate(template);
  }

  private Map<String, Object> expandTemplate(Map<String, Object> template) {
    Map<String, String> loopNames = new LinkedHashMap<>();
    template.forEach(
        (section, value) -> {
          String where = loopNames(value, section, loopNames);
          if (where != null && !LOOP_SECTIONS.contains(section)) {
            throw new TemplateException(
                file
                    + ": "
                    + where
                    + ": Fn::ForEach cannot be used in "
                    + section
                    + " (only in Resources, resource properties, Conditions and Outputs)");
          }
        });
    if (!loopNames.isEmpty() && !declared) {
      throw new TemplateException(
          file + ": Transform must include " + TRANSFORM + " for Fn::ForEach");
    }
    Map<String, Object> expanded = new LinkedHashMap<>();
    template.forEach(
        (section, value) ->
            expanded.put(
                section, LOOP_SECTIONS.contains(section) ? walk(value, Map.of(), section) : value));
    if (expanded.get("Resources") instanceof Map<?, ?> resources) {
      loopNames.keySet().stream()
          .filter(resources::containsKey)
          .findFirst()
          .ifPresent(
              name -> {
                throw new TemplateException(
                    file
                        + ": "
                        + loopNames.get(name)
                        + ": the loop name "
                        + name
                        + " is also the logical id of a resource");
              });
    }
    return expanded;
  }

  /**
   * Records the name of every loop inside {@code value} with where it is, as written (a nested loop once, not once
   * per copy); a name must be unique in the template. Returns where the first loop is, or null.
   */
  private String loopNames(Object value, String path, Map<String, String> names) {
    String first = null;
    if (value instanceof Map<?, ?> map) {
      for (var entry : map.entrySet()) {
        String key = String.valueOf(entry.getKey());
        String where = path + "." + key;
        if (key.startsWith(FOR_EACH)) {
          String name = key.substring(FOR_EACH.length());
          String other = names.putIfAbsent(name, where);
          if (other != null) {
            throw error(
                where,
                "the loop name "
                    + name
                    + " is used twice (also at "
                    + other
                    + "): every loop needs a name of its own");
          }
          first = first == null ? where : first;
        }
        String inner = loopNames(entry.getValue(), where, names);
        first = first == null ? inner : first;
      }
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        String inner = loopNames(list.get(i), path + "[" + i + "]", names);
        first = first == null ? inner : first;
      }
    } else if (value instanceof Intrinsic(String function, Object argument)) {
      first = loopNames(argument, path + "." + function, names);
    }
    return first;
  }

  private static List<String> transforms(Object transform) {
    List<String> names = new ArrayList<>();
    if (transform instanceof String name) {
      names.add(name);
    } else if (transform instanceof List<?> list) {
      list.forEach(name -> names.add(String.valueOf(name)));
    }
    return names;
  }

  /** Expands the loops inside {@code value} with the identifiers of the enclosing loops bound to their values. */
  private Object walk(Object value, Map<String, String> bound, String path) {
    return switch (value) {
      case Map<?, ?> map -> mapping(map, bound, path);
      case List<?> list -> {
        List<Object> copy = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
          copy.add(walk(list.get(i), bound, path + "[" + i + "]"));
        }
        yield copy;
      }
      case Intrinsic intrinsic -> intrinsic(intrinsic, bound, path);
      case String text -> {
        mentioned(text, bound)
            .ifPresent(
                identifier -> {
                  throw error(
                      path,
                      "the plain string '"
                          + text
                          + "' names the loop identifier "
                          + identifier
                          + ": only keys, Fn::Sub strings and Ref are substituted; write it as !Sub");
                });
        yield text;
      }
      case null, default -> value;
    };
  }

  private Map<Object, Object> mapping(Map<?, ?> map, Map<String, String> bound, String path) {
    Map<Object, Object> result = new LinkedHashMap<>();
    map.forEach(
        (rawKey, item) -> {
          String key = String.valueOf(rawKey);
          if (key.startsWith(FOR_EACH)) {
            loop(key, item, bound, path + "." + key)
                .forEach(
                    (generated, fragment) ->
                        put(result, generated, fragment, path, "generated by " + key));
          } else {
            String substituted = bound.isEmpty() ? key : substitute(key, bound);
            put(
                result,
                bound.isEmpty() ? rawKey : substituted,
                walk(item, bound, path + "." + substituted),
                path,
                "written beside a loop");
          }
        });
    return result;
  }

  private void put(Map<Object, Object> result, Object key, Object value, String path, String how) {
    if (result.containsKey(key)) {
      throw error(
          path,
          "the key "
              + key
              + " ("
              + how
              + ") is already there: every key a loop generates must"
              + " be unique, so name every identifier of its loops in the output key");
    }
    result.put(key, value);
  }

  /** One loop's copies of its fragment, each with its keys and values substituted. */
  private Map<Object, Object> loop(
      String key, Object definition, Map<String, String> bound, String path) {
    String name = key.substring(FOR_EACH.length());
    if (!IDENTIFIER.matcher(name).matches()) {
      throw error(path, "the loop name '" + name + "' must be alphanumeric");
    }
    if (!(definition instanceof List<?> parts) || parts.size() != 3) {
      throw error(
          path, "Fn::ForEach takes a list of three items: identifier, collection and fragment");
    }
    if (!(parts.get(0) instanceof String identifier) || !IDENTIFIER.matcher(identifier).matches()) {
      throw error(
          path,
          "the identifier must be an alphanumeric string, found "
              + TemplateSection.describe(parts.get(0)));
    }
    if (bound.containsKey(identifier)) {
      throw error(
          path, "the identifier " + identifier + " is already the identifier of an enclosing loop");
    }
    List<String> collection = collection(parts.get(1), path);
    if (!(parts.get(2) instanceof Map<?, ?> fragment) || fragment.isEmpty()) {
      throw error(path, "the fragment (third item) must be a mapping of output keys to values");
    }
    fragment.keySet().stream()
        .map(String::valueOf)
        .filter(outputKey -> !outputKey.startsWith(FOR_EACH) && !names(outputKey, identifier))
        .findFirst()
        .ifPresent(
            outputKey -> {
              throw error(
                  path,
                  "the output key "
                      + outputKey
                      + " must contain ${"
                      + identifier
                      + "} or &{"
                      + identifier
                      + "}, or every copy would have the same key");
            });
    Map<Object, Object> copies = new LinkedHashMap<>();
    for (String item : collection) {
      Map<String, String> inner = new LinkedHashMap<>(bound);
      inner.put(identifier, item);
      mapping(fragment, inner, path + "[" + item + "]")
          .forEach(
              (generated, copy) ->
                  put(copies, generated, copy, path, "for " + identifier + " = " + item));
    }
    return copies;
  }

  private List<String> collection(Object collection, String path) {
    if (!(collection instanceof List<?> items)) {
      throw error(
          path,
          "the collection must be a literal list of strings, found "
              + TemplateSection.describe(collection)
              + " (a Ref to a CommaDelimitedList is only known at deploy"
              + " time, so it is not read here)");
    }
    List<String> values = new ArrayList<>(items.size());
    for (Object item : items) {
      if (!(item instanceof String text)) {
        throw error(
            path,
            "the collection must be a literal list of strings, found "
                + TemplateSection.describe(item)
                + " in it (quote it)");
      }
      values.add(text);
    }
    return values;
  }

  private Object intrinsic(Intrinsic intrinsic, Map<String, String> bound, String path) {
    String function = intrinsic.function();
    Object argument = intrinsic.argument();
    String where = path + "." + function;
    return switch (function) {
      case Intrinsic.REF -> {
        if (argument instanceof String name) {
          if (bound.containsKey(name)) {
            yield bound.get(name);
          }
          mentioned(name, bound)
              .ifPresent(
                  identifier -> {
                    throw error(
                        where,
                        "Ref '"
                            + name
                            + "' names the loop identifier "
                            + identifier
                            + " in a plain string, which is not substituted: write !Ref {Fn::Sub: '"
                            + name
                            + "'}");
                  });
          yield intrinsic;
        }
        Object walked = walk(argument, bound, where);
        yield new Intrinsic(function, declared ? name(walked, where) : walked);
      }
      case Intrinsic.GET_ATT -> {
        if (argument instanceof List<?> parts && parts.size() == 2) {
          if (parts.get(0) instanceof String resource && !bound.isEmpty()) {
            mentioned(resource + "." + parts.get(1), bound)
                .ifPresent(
                    identifier -> {
                      throw error(
                          where,
                          "Fn::GetAtt '"
                              + resource
                              + "."
                              + parts.get(1)
                              + "' names the loop"
                              + " identifier "
                              + identifier
                              + " in a plain string, which is not substituted:"
                              + " write !GetAtt [!Sub '"
                              + resource
                              + "', "
                              + parts.get(1)
                              + "]");
                    });
          }
          List<Object> names = new ArrayList<>(2);
          for (Object part : parts) {
            Object walked = walk(part, bound, where);
            names.add(declared ? name(walked, where) : walked);
          }
          yield new Intrinsic(function, names);
        }
        yield new Intrinsic(function, walk(argument, bound, where));
      }
      case Intrinsic.SUB -> {
        if (argument instanceof String text) {
          String substituted = substitute(text, bound);
          // What is left without any ${...} once the identifiers are replaced is that text, as
          // cfn-lint
          // also makes it.
          yield bound.isEmpty() || substituted.contains("${")
              ? new Intrinsic(function, substituted)
              : substituted;
        }
        if (argument instanceof List<?> parts
            && parts.size() == 2
            && parts.get(0) instanceof String text) {
          yield new Intrinsic(
              function, List.of(substitute(text, bound), walk(parts.get(1), bound, where)));
        }
        yield new Intrinsic(function, walk(argument, bound, where));
      }
      case Intrinsic.IF -> {
        // CloudFormation leaves the condition's name as written; only the two branches are walked.
        if (argument instanceof List<?> parts && parts.size() == 3) {
          yield new Intrinsic(
              function,
              List.of(
                  parts.get(0),
                  walk(parts.get(1), bound, where),
                  walk(parts.get(2), bound, where)));
        }
        yield new Intrinsic(function, walk(argument, bound, where));
      }
      default -> new Intrinsic(function, walk(argument, bound, where));
    };
  }

  /**
   * A name the transform computes for {@code Ref} or {@code Fn::GetAtt}: an {@code Fn::Sub} left with no variable
   * becomes its text. Any other value is kept for the resolver.
   */
  private Object name(Object value, String where) {
    if (value instanceof Intrinsic(String function, Object argument)
        && function.equals(Intrinsic.SUB)
        && argument instanceof String text) {
      if (SubTemplate.hasVariables(text)) {
        throw error(
            where,
            "the name '"
                + text
                + "' still has variables once the loop identifiers are"
                + " replaced; the transform needs a literal name here");
      }
      return SubTemplate.render(text, name -> name);
    }
    return value;
  }

  /** Replaces {@code ${Identifier}} by the value and {@code &{Identifier}} by its alphanumeric characters. */
  private static String substitute(String text, Map<String, String> bound) {
    String result = text;
    for (var binding : bound.entrySet()) {
      result =
          result
              .replace("${" + binding.getKey() + "}", binding.getValue())
              .replace(
                  "&{" + binding.getKey() + "}", binding.getValue().replaceAll("[^A-Za-z0-9]", ""));
    }
    return result;
  }

  private static boolean names(String text, String identifier) {
    return text.contains("${" + identifier + "}") || text.contains("&{" + identifier + "}");
  }

  private static Optional<String> mentioned(String text, Map<String, String> bound) {
    return bound.keySet().stream().filter(identifier -> names(text, identifier)).findFirst();
  }

  private TemplateException error(String path, String problem) {
    return new TemplateException(file + ": " + path + ": " + problem);
  }
}
