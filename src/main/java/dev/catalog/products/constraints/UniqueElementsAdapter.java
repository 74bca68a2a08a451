package dev.catalog.products.constraints;

import io.avaje.validation.adapter.AbstractConstraintAdapter;
import io.avaje.validation.adapter.ConstraintAdapter;
import io.avaje.validation.adapter.ValidationContext.AdapterCreateRequest;
import java.util.Collection;
import java.util.HashSet;

/** Checks {@link UniqueElements}. */
@ConstraintAdapter(UniqueElements.class)
public final class UniqueElementsAdapter extends AbstractConstraintAdapter<Object> {
  public UniqueElementsAdapter(AdapterCreateRequest request) {
    super(request);
  }

  @Override
  protected boolean isValid(Object value) {
    // Typed Object: the annotation processor cannot import a wildcard type such as Collection<?>.
    return !(value instanceof Collection<?> elements) || new HashSet<>(elements).size() == elements.size();
  }
}
