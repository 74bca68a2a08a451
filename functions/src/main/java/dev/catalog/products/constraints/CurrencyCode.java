package dev.catalog.products.constraints;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.avaje.validation.constraints.Constraint;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** The value is a code of ISO 4217's current list, upper case, such as {@code USD} or {@code EUR} (not XTS or XXX). */
@Constraint
@Target({FIELD, METHOD, TYPE_USE})
@Retention(RUNTIME)
public @interface CurrencyCode {
  String message() default "must be an ISO 4217 currency code such as USD or EUR";

  Class<?>[] groups() default {};
}
