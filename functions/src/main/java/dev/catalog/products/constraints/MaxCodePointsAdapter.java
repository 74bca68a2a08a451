package dev.catalog.products.constraints;

import io.avaje.validation.adapter.AbstractConstraintAdapter;
import io.avaje.validation.adapter.ConstraintAdapter;
import io.avaje.validation.adapter.ValidationContext.AdapterCreateRequest;

/** Checks {@link MaxCodePoints}. */
@ConstraintAdapter(MaxCodePoints.class)
public final class MaxCodePointsAdapter extends AbstractConstraintAdapter<String> {
  private final int max;

  public MaxCodePointsAdapter(AdapterCreateRequest request) {
    super(request);
    this.max = (Integer) request.attribute("value");
  }

  @Override
  protected boolean isValid(String value) {
    // No string of at most max UTF-16 units can have more than max code points: skip the count for
    // most values.
    return value == null || value.length() <= max || value.codePointCount(0, value.length()) <= max;
  }
}
