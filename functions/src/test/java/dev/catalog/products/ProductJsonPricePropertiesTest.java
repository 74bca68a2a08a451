package dev.catalog.products;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.kernel.HttpError;
import dev.catalog.kernel.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Prices, spelled every way JSON allows (trailing zeros, exponents in either case and sign, negative values), decided
 * by the model and by an oracle that works on the value: at most 2 decimal places means that 100 times the value is
 * a whole number.
 */
class ProductJsonPricePropertiesTest {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final BigDecimal BILLION = new BigDecimal("1000000000");

  /** A JSON spelling of a value and the value it spells. */
  record Spelled(String json, BigDecimal value) {}

  @Provide
  Arbitrary<Spelled> prices() {
    Arbitrary<BigInteger> digits =
        Arbitraries.frequencyOf(
            Tuple.of(
                3,
                Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.valueOf(1_000_000))),
            Tuple.of(
                1, Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.TEN.pow(16))));
    Arbitrary<Integer> pointFromRight = Arbitraries.integers().between(0, 8);
    Arbitrary<Integer> trailingZeros = Arbitraries.integers().between(0, 6);
    Arbitrary<Integer> exponent = Arbitraries.integers().between(-6, 12);
    Arbitrary<Integer> form = Arbitraries.integers().between(0, 3);
    Arbitrary<Boolean> negative = Arbitraries.of(false, false, false, true);
    return Combinators.combine(digits, pointFromRight, trailingZeros, exponent, form, negative)
        .as(ProductJsonPricePropertiesTest::spell);
  }

  /** Digits with a decimal point {@code point} places from the right, trailing zeros, and an exponent, as text. */
  static Spelled spell(
      BigInteger digits, int point, int zeros, int exponent, int form, boolean negative) {
    String all = digits.toString() + "0".repeat(zeros);
    int placesAfterPoint = Math.min(point + zeros, all.length() - 1);
    String whole = all.substring(0, all.length() - placesAfterPoint);
    String fraction = all.substring(all.length() - placesAfterPoint);
    String mantissa = fraction.isEmpty() ? whole : whole + "." + fraction;
    String sign = negative && digits.signum() != 0 ? "-" : "";
    String json =
        switch (form) {
          case 0 -> sign + mantissa;
          case 1 -> sign + mantissa + "e" + exponent;
          case 2 -> sign + mantissa + "E+" + Math.abs(exponent);
          default -> sign + mantissa + "E" + (exponent < 0 ? "-" : "+") + Math.abs(exponent);
        };
    int power =
        switch (form) {
          case 0 -> 0;
          case 2 -> Math.abs(exponent);
          default -> exponent;
        };
    // The value from its parts, by arithmetic on whole numbers: digits / 10^places * 10^power.
    BigDecimal value =
        new BigDecimal(new BigInteger(whole + fraction))
            .divide(BigDecimal.TEN.pow(fraction.length()))
            .multiply(
                power >= 0
                    ? BigDecimal.TEN.pow(power)
                    : BigDecimal.ONE.divide(BigDecimal.TEN.pow(-power)));
    return new Spelled(json, sign.isEmpty() ? value : value.negate());
  }

  static Set<String> oracle(BigDecimal value) {
    Set<String> errors = new TreeSet<>();
    if (value.signum() < 0) {
      errors.add("must be at least 0");
    }
    if (value.subtract(BILLION).signum() > 0) {
      errors.add("must be at most 1000000000");
    }
    if (value.multiply(HUNDRED).remainder(BigDecimal.ONE).signum() != 0) {
      errors.add("must have at most 2 decimal places");
    }
    return errors;
  }

  @Property(tries = 800, seed = "20261128")
  void pricesAreDecidedByValueAsTheOracleDecides(@ForAll("prices") Spelled price) {
    Assume.that(price.json().length() <= 64); // longer numbers are the parser's to refuse
    ObjectNode json =
        Json.readObject("{\"name\":\"n\",\"category\":\"c\",\"price\":" + price.json() + "}");
    Set<String> expected = oracle(price.value());
    Set<String> actual = new TreeSet<>();
    try {
      BigDecimal stored = ProductJson.read(json).getPrice();
      assertEquals(0, stored.compareTo(price.value()), "the value, exactly");
      String plain = stored.toPlainString();
      assertFalse(
          plain.contains(".") && plain.endsWith("0"), () -> "trailing zeros kept: " + plain);
    } catch (HttpError error) {
      error.errors().forEach(e -> actual.add(e.message()));
    }
    assertEquals(expected, actual, price.json());
  }
}
