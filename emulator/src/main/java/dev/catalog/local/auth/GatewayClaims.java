package dev.catalog.local.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Verified claims as API Gateway's REST API passes them in {@code requestContext.authorizer.claims}: every value a
 * string, a list (such as {@code cognito:groups}) joined by commas, a time ({@code exp}, {@code iat}) as a date in
 * words such as {@code Sat Nov 28 19:07:16 UTC 2026}.
 */
public final class GatewayClaims {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss 'UTC' yyyy", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private GatewayClaims() {}

  public static Map<String, String> of(JWTClaimsSet claims) {
    Map<String, String> strings = new LinkedHashMap<>();
    claims.getClaims().forEach((name, value) -> strings.put(name, string(value)));
    return strings;
  }

  private static String string(Object value) {
    return switch (value) {
      case Date date -> DATE.format(date.toInstant());
      case Collection<?> list ->
          list.stream().map(String::valueOf).collect(Collectors.joining(","));
      default -> String.valueOf(value);
    };
  }
}
