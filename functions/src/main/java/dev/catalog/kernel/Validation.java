package dev.catalog.kernel;

import io.avaje.validation.ConstraintViolation;
import io.avaje.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Runs the declarative constraints of a model class (avaje-validator: adapters generated at compile time, so no
 * reflection at start-up) and reports every violation as a {@link HttpError.FieldError}.
 */
public final class Validation {
  private static final Validator VALIDATOR = Validator.builder().build();

  /** avaje writes a list element's path as {@code tags.[2}; clients read {@code tags[2]}. */
  private static final Pattern ELEMENT = Pattern.compile("\\.?\\[(\\d+)]?");

  private Validation() {}

  static String field(String path) {
    return ELEMENT.matcher(path).replaceAll("[$1]");
  }

  /** Every violation of {@code bean}'s constraints, ordered by field, or an empty list. */
  public static List<HttpError.FieldError> check(Object bean) {
    return VALIDATOR.check(bean).stream()
        .sorted(
            Comparator.comparing(ConstraintViolation::path)
                .thenComparing(ConstraintViolation::message))
        .map(violation -> new HttpError.FieldError(field(violation.path()), violation.message()))
        .toList();
  }
}
