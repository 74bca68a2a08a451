package dev.catalog.products;

import dev.catalog.kernel.HttpError;
import dev.catalog.kernel.HttpError.FieldError;
import dev.catalog.kernel.Validation;
import io.avaje.validation.constraints.Valid;
import java.util.List;

/**
 * The {@code category} of {@code GET /products?category=}, taken in as a body's category is: {@link Text#trimmed},
 * then held to {@link Category}, so a query names a category exactly as writes store one and refuses what a body
 * refuses (a control character, a line separator, a noncharacter) instead of looking it up.
 */
@Valid
public final class CategoryQuery {
  @Category(message = "must not be empty")
  private final String category;

  private CategoryQuery(String category) {
    this.category = category;
  }

  public String getCategory() {
    return category;
  }

  /**
   * The category to list, or null when the query names none.
   *
   * @throws HttpError 400 {@code invalid-query} saying what is wrong with it
   */
  static String read(String parameter) {
    if (parameter == null) {
      return null;
    }
    CategoryQuery query = new CategoryQuery(Text.trimmed(parameter));
    List<FieldError> errors = Validation.check(query);
    if (!errors.isEmpty()) {
      throw HttpError.badRequest(
          "invalid-query", "Invalid query parameter", "category " + errors.get(0).message() + ".");
    }
    return query.category;
  }
}
