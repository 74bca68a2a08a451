package dev.catalog.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.catalog.kernel.HttpError;
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

  @Test
  void groupsInTheBracketedListFormAreReadToo() {
    assertEquals(
        Set.of("catalog-admins", "staff"),
        caller(Map.of("sub", "s", "username", "u", "cognito:groups", "[catalog-admins, staff]"))
            .groups());
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
                "products/write other/x",
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
