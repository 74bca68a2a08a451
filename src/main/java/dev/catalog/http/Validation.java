package dev.catalog.http;

import io.avaje.validation.ConstraintViolation;
import io.avaje.validation.Validator;
import java.util.Comparator;
import java.util.List;

/**
 * Runs the declarative constraints of a model class (avaje-validator: adapters generated at compile time, so no
 * reflection at start-up) and reports every violation as a {@link HttpError.FieldError}.
 */
public final class Validation {
  private static final Validator VALIDATOR = Validator.builder().build();

  private Validation() {}

  /** Every violation of {@code bean}'s constraints, ordered by field, or an empty list. */
  public static List<HttpError.FieldError> check(Object bean) {
    return VALIDATOR.check(bean).stream()
        .sorted(Comparator.comparing(ConstraintViolation::path).thenComparing(ConstraintViolation::message))
        .map(violation -> new HttpError.FieldError(violation.path(), violation.message()))
        .toList();
  }
}
