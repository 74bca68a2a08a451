package dev.catalog.products;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.avaje.validation.constraints.Constraint;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The value is a product category: not empty, at most {@link Product#CATEGORY_MAX} characters (code points), one
 * line of text ({@link Product#ONE_LINE}). The one statement of the rule, wherever a category is given: a body's
 * {@code category}, {@code GET /products?category=} ({@link CategoryQuery}), a feed subscription's categories; each
 * takes the text in with {@link Text#trimmed} first. Checked by {@link CategoryAdapter}.
 */
@Constraint
@Target({FIELD, METHOD, TYPE_USE})
@Retention(RUNTIME)
public @interface Category {
  /** The message for an empty category (nothing left once trimmed); the rule's other messages are its own. */
  String message() default "is required";

  Class<?>[] groups() default {};
}
