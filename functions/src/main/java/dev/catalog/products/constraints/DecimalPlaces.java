package dev.catalog.products.constraints;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.avaje.validation.constraints.Constraint;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The number has at most {@link #max()} decimal places by value, whatever its spelling: {@code 39.900},
 * {@code 1.0e-2} and {@code 1000000000.000} have at most 2, {@code 1.999} has 3. (The standard {@code @Digits}
 * judges a {@code BigDecimal} by its scale, that is by the trailing zeros a client happened to write.)
 */
@Constraint
@Target({FIELD, METHOD, TYPE_USE})
@Retention(RUNTIME)
public @interface DecimalPlaces {
  int max();

  String message() default "has too many decimal places";

  Class<?>[] groups() default {};
}
