package dev.catalog.template;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads a CloudFormation/SAM YAML file into plain maps, lists and scalars, with every intrinsic function (short-form
 * tag or long-form key) turned into an {@link Intrinsic} so later stages never have to tell the two forms apart.
 */
final class TemplateYaml {
  private TemplateYaml() {}

  /** The template's top-level mapping; insertion order kept so routes and resources appear as written. */
  static Map<String, Object> read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new TemplateException("Template not found: " + file.toAbsolutePath());
    }
    Object document;
    try {
      // Duplicate keys are rejected because CloudFormation would silently keep only one of them.
      LoadSettings settings =
          LoadSettings.builder()
              .setLabel(file.toString())
              .setAllowDuplicateKeys(false)
              .setSchema(new CoreSchema())
              .build();
      document =
          new Load(settings, new CloudFormationConstructor(settings))
              .loadFromString(Files.readString(file));
    } catch (IOException e) {
      throw new TemplateException("Cannot read template " + file + ": " + e.getMessage(), e);
    } catch (YamlEngineException e) {
      throw new TemplateException("Template " + file + " is not valid YAML: " + e.getMessage(), e);
    }
    if (!(document instanceof Map<?, ?> top)) {
      throw new TemplateException("Template " + file + " must be a YAML mapping at the top level");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> normalised = (Map<String, Object>) withLongForms(top);
    return normalised;
  }

  /** Replaces long-form intrinsics ({@code Ref: X}, {@code Fn::Sub: ...}) at any depth, including inside tags. */
  private static Object withLongForms(Object value) {
    return switch (value) {
      case Intrinsic(String function, Object argument) ->
          new Intrinsic(function, withLongForms(argument));
      case Map<?, ?> map -> {
        var intrinsic = Intrinsic.fromLongForm(map);
        if (intrinsic.isPresent()) {
          yield withLongForms(intrinsic.get());
        }
        Map<Object, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, withLongForms(v)));
        yield copy;
      }
      case List<?> list -> {
        List<Object> copy = new ArrayList<>(list.size());
        list.forEach(item -> copy.add(withLongForms(item)));
        yield copy;
      }
      case null, default -> value;
    };
  }

  /** Standard YAML construction plus one constructor per CloudFormation short-form tag. */
  private static final class CloudFormationConstructor extends StandardConstructor {
    CloudFormationConstructor(LoadSettings settings) {
      super(settings);
      for (String shortTag : Intrinsic.SHORT_TAGS) {
        String function = Intrinsic.longName(shortTag);
        tagConstructors.put(
            new Tag("!" + shortTag), node -> new Intrinsic(function, content(node)));
      }
    }

    private Object content(Node node) {
      return switch (node) {
        case ScalarNode scalar -> constructScalar(scalar);
        case SequenceNode sequence -> constructSequence(sequence);
        case MappingNode mapping -> constructMapping(mapping);
        default -> throw new YamlEngineException("Unexpected node " + node.getNodeType());
      };
    }
  }
}
