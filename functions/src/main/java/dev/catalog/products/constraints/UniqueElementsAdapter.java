package dev.catalog.products.constraints;

import io.avaje.validation.adapter.AbstractConstraintAdapter;
import io.avaje.validation.adapter.ConstraintAdapter;
import io.avaje.validation.adapter.ValidationContext.AdapterCreateRequest;
import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/** Checks {@link UniqueElements}; null elements are not compared. */
@ConstraintAdapter(UniqueElements.class)
public final class UniqueElementsAdapter extends AbstractConstraintAdapter<Object> {
  public UniqueElementsAdapter(AdapterCreateRequest request) {
    super(request);
  }

  @Override
  protected boolean isValid(Object value) {
    // Typed Object: the annotation processor cannot import a wildcard type such as Collection<?>.
    if (!(value instanceof Collection<?> elements)) {
      return true;
    }
    // A null element is no value (the reader puts one where an element had the wrong type and
    // reports it there).
    Set<Object> seen = new HashSet<>();
    return elements.stream().filter(Objects::nonNull).allMatch(seen::add);
  }
}
