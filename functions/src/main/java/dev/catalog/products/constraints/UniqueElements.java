package dev.catalog.products.constraints;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.avaje.validation.constraints.Constraint;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** The collection holds no element twice. */
@Constraint
@Target({FIELD, METHOD})
@Retention(RUNTIME)
public @interface UniqueElements {
  String message() default "must not contain duplicates";

  Class<?>[] groups() default {};
}
