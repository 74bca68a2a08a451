package dev.catalog.template;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A CloudFormation intrinsic function as it appears in the template, before any resolution: {@code !Ref X} and
 * {@code Ref: X} both become {@code Intrinsic("Ref", "X")}, {@code !Sub ...} and {@code Fn::Sub: ...} both become
 * {@code Intrinsic("Fn::Sub", ...)}.
 *
 * <p>The argument is the constructed YAML value (a String, List or Map, possibly holding further intrinsics). The one
 * normalisation: {@code Fn::GetAtt} always carries a two-element list {@code [logicalId, attribute]}, since the dotted
 * short form ({@code !GetAtt Table.Arn}) and the list form mean the same thing.
 *
 * @param function the long name, e.g. {@code Ref}, {@code Fn::Sub}, {@code Condition}
 * @param argument the function's argument
 */
public record Intrinsic(String function, Object argument) {
  public static final String REF = "Ref";
  public static final String CONDITION = "Condition";
  public static final String SUB = "Fn::Sub";
  public static final String GET_ATT = "Fn::GetAtt";
  public static final String JOIN = "Fn::Join";
  public static final String SELECT = "Fn::Select";
  public static final String SPLIT = "Fn::Split";
  public static final String BASE64 = "Fn::Base64";
  public static final String IF = "Fn::If";
  public static final String FIND_IN_MAP = "Fn::FindInMap";

  /** The short-form YAML tags CloudFormation defines, without the leading {@code !}. */
  static final List<String> SHORT_TAGS =
      List.of(
          "Ref",
          "Condition",
          "Base64",
          "Cidr",
          "FindInMap",
          "GetAtt",
          "GetAZs",
          "ImportValue",
          "Join",
          "Select",
          "Split",
          "Sub",
          "Transform",
          "And",
          "Equals",
          "If",
          "Not",
          "Or",
          "Length",
          "ToJsonString");

  public Intrinsic {
    if (GET_ATT.equals(function) && argument instanceof String dotted) {
      int dot = dotted.indexOf('.');
      // The attribute may itself contain dots (Endpoint.Address): only the first one separates the
      // resource.
      argument =
          dot < 0 ? List.of(dotted) : List.of(dotted.substring(0, dot), dotted.substring(dot + 1));
    }
  }

  /** Maps a short tag name ({@code GetAtt}) to the function's long name ({@code Fn::GetAtt}). */
  static String longName(String shortTag) {
    return shortTag.equals(REF) || shortTag.equals(CONDITION) ? shortTag : "Fn::" + shortTag;
  }

  /**
   * Recognises the long form: a mapping with exactly one key that is {@code Ref} or starts with {@code Fn::}
   * ({@code Condition} only with a string argument, since it is also an ordinary property name). A loop,
   * {@code Fn::ForEach::Name}, is a key of the mapping it expands into, not a function: {@link LanguageExtensions}
   * expands it.
   */
  static Optional<Intrinsic> fromLongForm(Map<?, ?> map) {
    if (map.size() != 1) {
      return Optional.empty();
    }
    var entry = map.entrySet().iterator().next();
    if (!(entry.getKey() instanceof String key)) {
      return Optional.empty();
    }
    boolean intrinsic =
        key.equals(REF)
            || key.startsWith("Fn::") && !key.startsWith(LanguageExtensions.FOR_EACH)
            || key.equals(CONDITION) && entry.getValue() instanceof String;
    return intrinsic ? Optional.of(new Intrinsic(key, entry.getValue())) : Optional.empty();
  }

  @Override
  public String toString() {
    return function + " " + argument;
  }
}
