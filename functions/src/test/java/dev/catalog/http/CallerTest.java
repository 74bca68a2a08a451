package dev.catalog.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.catalog.kernel.HttpError;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The caller read from the claims API Gateway passes, and the one decision of {@link Permission}: people by group,
 * services by scope, never the other way round.
 */
class CallerTest {
  static Caller caller(Map<String, String> claims) {
    return Caller.from(Map.of("claims", claims));
  }

  @Test
  void aPersonIsKnownBySubWithTheCommaJoinedGroups() {
    Caller person =
        caller(
            Map.of(
                "sub",
                "s-1",
                "username",
                "u",
                "cognito:groups",
                "catalog-editors,staff",
                "scope",
                "products/admin",
                "client_id",
                "people"));

    assertEquals(new Caller("s-1", false, Set.of("catalog-editors", "staff"), Set.of()), person);
  }

  static Caller person(String groupsClaim) {
    return caller(Map.of("sub", "s", "username", "u", "cognito:groups", groupsClaim));
  }

  @Test
  void withoutTheTokenAClaimWithAnAmbiguousNameGrantsNoGroupAtAll() {
    for (String claim :
        List.of(
            "[catalog-admins, staff]",
            "[x,catalog-admins]",
            "staff,catalog-admins]",
            "[catalog-admins",
            "x, catalog-admins",
            "catalog-admins ,x",
            "staff,,catalog-admins",
            "catalog-admins,",
            ",catalog-admins")) {
      assertEquals(Set.of(), person(claim).groups(), claim);
      assertEquals(
          403,
          assertThrows(HttpError.class, () -> Permission.ADMIN.check(person(claim))).status(),
          claim);
    }
    assertEquals(Set.of(), person("").groups());
  }

  /** The claims of a person and the Authorization header of the token they were verified from. */
  static Caller personWithToken(String groupsClaim, String authorization) {
    return Caller.from(
        Map.of(
            "claims",
            Map.of("sub", "s-1", "jti", "j-1", "username", "u", "cognito:groups", groupsClaim)),
        authorization);
  }

  static String bearer(String payloadJson) {
    Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
    return "Bearer "
        + base64.encodeToString("{\"alg\":\"RS256\",\"kid\":\"k\"}".getBytes(UTF_8))
        + "."
        + base64.encodeToString(payloadJson.getBytes(UTF_8))
        + ".c2lnbmF0dXJl";
  }

  static String payload(String groupsJson) {
    return "{\"sub\":\"s-1\",\"jti\":\"j-1\",\"cognito:groups\":" + groupsJson + "}";
  }

  @Test
  void withTheTokenTheGroupsAreItsArrayOfNamesMatchedExactly() {
    Caller admin =
        personWithToken(
            "helpdesk,catalog-admins", bearer(payload("[\"helpdesk\",\"catalog-admins\"]")));

    assertEquals(Set.of("helpdesk", "catalog-admins"), admin.groups());
    Permission.ADMIN.check(admin);
  }

  @Test
  void aGroupNamedWithACommaDoesNotGrantTheNamesItSeemsToHold() {
    Caller helpdesk =
        personWithToken(
            "helpdesk,catalog-admins", bearer(payload("[\"helpdesk,catalog-admins\"]")));

    assertEquals(Set.of("helpdesk,catalog-admins"), helpdesk.groups());
    assertEquals(
        403, assertThrows(HttpError.class, () -> Permission.WRITE.check(helpdesk)).status());
  }

  @Test
  void groupsNamedWithBracketsOrSpacesDoNotGrantTheNameBetweenThem() {
    for (String groups :
        List.of("[\"[x\",\"catalog-admins]\"]", "[\" catalog-admins\"]", "[\"Catalog-Admins\"]")) {
      Caller caller = personWithToken("[x,catalog-admins]", bearer(payload(groups)));

      assertEquals(
          403,
          assertThrows(HttpError.class, () -> Permission.ADMIN.check(caller)).status(),
          groups);
    }
  }

  @Test
  void theTokenIsReadWithOrWithoutTheBearerPrefix() {
    String token = bearer(payload("[\"catalog-admins\"]")).substring("Bearer ".length());

    assertEquals(Set.of("catalog-admins"), personWithToken("catalog-admins", token).groups());
    assertEquals(
        Set.of("catalog-admins"), personWithToken("catalog-admins", "bearer " + token).groups());
  }

  @Test
  void aHeaderThatIsNotTheVerifiedTokenGrantsNoGroup() {
    for (String authorization :
        List.of(
            bearer("{\"sub\":\"s-2\",\"jti\":\"j-1\",\"cognito:groups\":[\"catalog-admins\"]}"),
            bearer("{\"sub\":\"s-1\",\"jti\":\"j-2\",\"cognito:groups\":[\"catalog-admins\"]}"),
            bearer("{\"sub\":\"s-1\",\"cognito:groups\":[\"catalog-admins\"]}"),
            bearer("{\"sub\":\"s-1\",\"jti\":1,\"cognito:groups\":[\"catalog-admins\"]}"),
            bearer("{\"sub\":\"\",\"jti\":\"j-1\",\"cognito:groups\":[\"catalog-admins\"]}"),
            bearer(payload("\"catalog-admins\"")),
            bearer(payload("{\"a\":\"catalog-admins\"}")),
            bearer(payload("[\"catalog-admins\",1]")),
            bearer("[\"catalog-admins\"]"),
            bearer(payload("[\"catalog-admins\"]")) + ", " + bearer(payload("[]")),
            bearer(payload("[\"catalog-admins\"]")) + ".x",
            "Bearer a.%%%.c",
            "Bearer")) {
      assertEquals(
          Set.of(), personWithToken("catalog-admins", authorization).groups(), authorization);
    }
  }

  @Test
  void aTokenOfAPersonInNoGroupGrantsNone() {
    assertEquals(
        Set.of(), personWithToken("", bearer("{\"sub\":\"s-1\",\"jti\":\"j-1\"}")).groups());
  }

  @Test
  void aServiceIsKnownByItsClientIdWithItsScopes() {
    Caller service =
        caller(
            Map.of(
                "sub",
                "c-1",
                "client_id",
                "c-1",
                "scope",
                " products/write  other/x ",
                "cognito:groups",
                "catalog-admins"));

    assertEquals(new Caller("c-1", true, Set.of(), Set.of("products/write", "other/x")), service);
  }

  @Test
  void noClaimsOrNoSubjectIsNoCaller() {
    assertNull(Caller.from(null));
    assertNull(Caller.from(Map.of()));
    assertNull(caller(Map.of("username", "u")));
  }

  @Test
  void aPersonsScopeDoesNotGrantAndAServicesGroupDoesNot() {
    Caller personWithScope = new Caller("s", false, Set.of(), Set.of("products/admin"));
    Caller serviceWithGroup = new Caller("c", true, Set.of("catalog-admins"), Set.of());

    assertEquals(
        403, assertThrows(HttpError.class, () -> Permission.WRITE.check(personWithScope)).status());
    assertEquals(
        403,
        assertThrows(HttpError.class, () -> Permission.ADMIN.check(serviceWithGroup)).status());
  }

  @Test
  void noCallerIsA401WithABearerChallengeOnAGuardedRouteAndNothingOnAnOpenOne() {
    HttpError error = assertThrows(HttpError.class, () -> Permission.WRITE.check(null));

    assertEquals(401, error.status());
    assertEquals("Bearer", error.headers().get("WWW-Authenticate"));
    Permission.ANYONE.check(null);
  }

  @Test
  void editorsWriteButDoNotDeleteAndAdminsDoBoth() {
    Caller editor = new Caller("e", false, Set.of("catalog-editors"), Set.of());
    Caller admin = new Caller("a", false, Set.of("catalog-admins"), Set.of());
    Caller writer = new Caller("w", true, Set.of(), Set.of("products/write"));

    Permission.WRITE.check(editor);
    Permission.WRITE.check(writer);
    Permission.ADMIN.check(admin);
    assertThrows(HttpError.class, () -> Permission.ADMIN.check(editor));
    assertThrows(HttpError.class, () -> Permission.ADMIN.check(writer));
  }
}
