package dev.catalog.products.constraints;

import io.avaje.validation.adapter.AbstractConstraintAdapter;
import io.avaje.validation.adapter.ConstraintAdapter;
import io.avaje.validation.adapter.ValidationContext.AdapterCreateRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks {@link CurrencyCode} against the project's copy of ISO 4217's current list ({@value #CODES_RESOURCE}), not
 * the JDK's table, which keeps withdrawn codes (DEM, FRF...) and differs from one JDK version to the next.
 */
@ConstraintAdapter(CurrencyCode.class)
public final class CurrencyCodeAdapter extends AbstractConstraintAdapter<String> {
  static final String CODES_RESOURCE = "iso4217-codes.txt";

  static final Set<String> CODES = load();

  public CurrencyCodeAdapter(AdapterCreateRequest request) {
    super(request);
  }

  @Override
  protected boolean isValid(String value) {
    return value == null || CODES.contains(value);
  }

  private static Set<String> load() {
    try (InputStream in = CurrencyCodeAdapter.class.getResourceAsStream(CODES_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(CODES_RESOURCE + " is missing from the class path");
      }
      var lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines();
      return lines.filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .map(line -> line.substring(0, 3))
          .collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
