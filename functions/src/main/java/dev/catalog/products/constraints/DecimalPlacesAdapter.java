package dev.catalog.products.constraints;

import io.avaje.validation.adapter.AbstractConstraintAdapter;
import io.avaje.validation.adapter.ConstraintAdapter;
import io.avaje.validation.adapter.ValidationContext.AdapterCreateRequest;
import java.math.BigDecimal;

/** Checks {@link DecimalPlaces}. */
@ConstraintAdapter(DecimalPlaces.class)
public final class DecimalPlacesAdapter extends AbstractConstraintAdapter<BigDecimal> {
  private final int max;

  public DecimalPlacesAdapter(AdapterCreateRequest request) {
    super(request);
    this.max = (Integer) request.attribute("max");
  }

  @Override
  protected boolean isValid(BigDecimal value) {
    // Stripped only when the scale is above max, so positive: stripping then lowers it without
    // overflow (on a scale
    // near Integer.MIN_VALUE, as in 100e2147483647, it could overflow) and takes at most one step
    // per digit.
    return value == null || value.scale() <= max || value.stripTrailingZeros().scale() <= max;
  }
}
