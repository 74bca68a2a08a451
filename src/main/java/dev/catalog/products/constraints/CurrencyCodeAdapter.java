package dev.catalog.products.constraints;

import io.avaje.validation.adapter.AbstractConstraintAdapter;
import io.avaje.validation.adapter.ConstraintAdapter;
import io.avaje.validation.adapter.ValidationContext.AdapterCreateRequest;
import java.util.Currency;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks {@link CurrencyCode} against the JDK's ISO 4217 table. */
@ConstraintAdapter(CurrencyCode.class)
public final class CurrencyCodeAdapter extends AbstractConstraintAdapter<String> {
  private static final Set<String> CODES = Currency.getAvailableCurrencies().stream()
      .map(Currency::getCurrencyCode)
      .collect(Collectors.toUnmodifiableSet());

  public CurrencyCodeAdapter(AdapterCreateRequest request) {
    super(request);
  }

  @Override
  protected boolean isValid(String value) {
    return value == null || CODES.contains(value);
  }
}
