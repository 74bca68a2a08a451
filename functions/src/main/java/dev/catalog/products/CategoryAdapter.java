package dev.catalog.products;

import dev.catalog.products.constraints.MaxCodePoints;
import io.avaje.validation.adapter.ConstraintAdapter;
import io.avaje.validation.adapter.ValidationAdapter;
import io.avaje.validation.adapter.ValidationContext;
import io.avaje.validation.adapter.ValidationContext.AdapterCreateRequest;
import io.avaje.validation.adapter.ValidationRequest;
import io.avaje.validation.constraints.NotEmpty;
import io.avaje.validation.constraints.Pattern;
import java.util.Map;
import java.util.Set;

/**
 * Checks {@link Category} with the constraints it stands for, chained as avaje chains a field's annotations: empty,
 * then too long, then not one line; the first that fails is the only one reported.
 */
@ConstraintAdapter(Category.class)
public final class CategoryAdapter implements ValidationAdapter<String> {
  private final ValidationAdapter<String> rule;

  public CategoryAdapter(AdapterCreateRequest request) {
    ValidationContext ctx = request.ctx();
    String empty = request.attribute("message");
    this.rule =
        ctx.<String>adapter(NotEmpty.class, Map.of("message", empty))
            .andThen(
                ctx.adapter(
                    MaxCodePoints.class,
                    Map.of(
                        "value",
                        Product.CATEGORY_MAX,
                        "message",
                        "must be at most " + Product.CATEGORY_MAX + " characters",
                        "groups",
                        Set.of())))
            .andThen(
                ctx.adapter(
                    Pattern.class,
                    Map.of(
                        "regexp",
                        Product.ONE_LINE,
                        "message",
                        "must not contain control characters")));
  }

  @Override
  public boolean validate(String value, ValidationRequest request, String field) {
    return rule.validate(value, request, field);
  }
}
