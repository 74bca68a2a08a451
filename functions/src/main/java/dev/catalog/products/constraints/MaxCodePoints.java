package dev.catalog.products.constraints;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.avaje.validation.constraints.Constraint;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The text has at most {@link #value()} characters, counted as Unicode code points (as JSON Schema's
 * {@code maxLength} counts), not UTF-16 units: an emoji outside the BMP is one character, not two.
 */
@Constraint
@Target({FIELD, METHOD, TYPE_USE})
@Retention(RUNTIME)
public @interface MaxCodePoints {
  int value();

  String message() default "is too long";

  Class<?>[] groups() default {};
}
