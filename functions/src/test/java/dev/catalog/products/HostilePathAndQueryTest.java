package dev.catalog.products;

import static dev.catalog.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.catalog.testing.ApiCall;
import dev.catalog.testing.ApiResult;
import dev.catalog.testing.ProductsApi;
import dev.catalog.testing.SampleProducts;
import dev.catalog.testing.StoredState;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Hostile ids in the path of every item route and hostile query strings for the listing: a 400 problem that changes
 * nothing, or, for a path no route serves, API Gateway's own 403.
 */
class HostilePathAndQueryTest {
  @RegisterExtension static final ProductsApi API = new ProductsApi();

  static final String CATEGORY = SampleProducts.uniqueCategory();

  static String watchedId;
  static StoredState initial;
  static String cursor;

  @BeforeAll
  static void createProducts() {
    watchedId =
        API.post("/products").json(SampleProducts.full(CATEGORY).toString()).send().createdId();
    API.post("/products").json(SampleProducts.full(CATEGORY).toString()).send();
    API.post("/products").json(SampleProducts.full(CATEGORY).toString()).send();
    cursor =
        API.get("/products?limit=1&category=" + CATEGORY).send().json().get("nextCursor").asText();
  }

  @BeforeEach
  void recordInitialState() {
    initial = StoredState.of(API, watchedId);
  }

  /** Each refused request is compared with the state before the test: refusals must not even add up to a change. */
  static void assertRefused(int status, String what, Supplier<ApiResult> request) {
    assertProblem(status, request.get(), what);
    assertEquals(initial, StoredState.of(API, watchedId), () -> what + " changed what is stored");
  }

  /** The four item routes with a valid body where one is needed, so the id is the only thing wrong. */
  static List<ApiCall> itemCalls(String path) {
    String product = SampleProducts.full(CATEGORY).toString();
    return List.of(
        API.get(path),
        API.delete(path),
        API.put(path).json(product),
        API.patch(path).mergePatch("{\"stock\":1}"));
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Test
  void idsThatCannotBeProductIdsAre400OnEveryItemRoute() {
    List<String> ids =
        List.of(
            "a%2Fb",
            "%2F",
            "..",
            ".",
            "%2e%2e",
            "a%00b",
            "%00",
            "a%20b",
            "%20",
            "+",
            "x".repeat(65),
            "caf%C3%A9",
            "%E2%80%8B",
            "%F0%9F%98%80",
            "%23name",
            "%3Avalue",
            "a%22b",
            "x%0Ay",
            "%24%7Bjndi%3Aldap%3A%2F%2Fx%7D",
            "%27%20OR%20%271%27%3D%271",
            "id%3Bdrop");
    for (String id : ids) {
      for (ApiCall call : itemCalls("/products/" + id)) {
        assertRefused(400, call.method() + " /products/" + id, call::send);
      }
    }
  }

  @Test
  void aSixtyFourCharacterIdIsAnId() {
    String id = "x".repeat(64);
    assertEquals(404, API.get("/products/" + id).send().status());
    assertEquals(
        201,
        API.put("/products/" + id).json(SampleProducts.full(CATEGORY).toString()).send().status());
    assertEquals(204, API.delete("/products/" + id).send().status());
  }

  @Test
  void itemPathsWithAnotherSegmentMatchNoRouteAndGetApiGatewaysMissingAuthenticationToken() {
    for (String path :
        List.of(
            "/products/" + watchedId + "/x",
            "/products/x/y",
            "/products/",
            "/products//x",
            "/products/../products/" + watchedId)) {
      for (ApiCall call : itemCalls(path)) {
        ApiResult result = call.send();
        assertEquals(403, result.status(), () -> call.method() + " " + path + ": " + result);
        assertEquals(
            "urn:products-api:problem:no-route",
            result.json().path("type").asText(),
            result::toString);
        assertEquals(initial, StoredState.of(API, watchedId));
      }
    }
  }

  @Test
  void listRefusesGarbageAndTruncatedCursors() {
    List<String> cursors =
        new ArrayList<>(
            List.of(
                "garbage",
                ".",
                "..",
                "a.b.c",
                "AAAA.AAAA",
                cursor + "x",
                cursor + "." + cursor,
                cursor.replace('.', '_'),
                "x".repeat(10_000),
                "\u00e9.\u00e9",
                "x\" OR attribute_exists(id) OR \"",
                "${jndi:ldap://x}"));
    for (int length = 0; length < cursor.length(); length++) {
      cursors.add(cursor.substring(0, length));
    }
    for (String bad : cursors) {
      String query = "/products?limit=1&category=" + CATEGORY + "&cursor=" + encode(bad);
      assertRefused(400, "cursor <" + bad + ">", () -> API.get(query).send());
    }
  }

  @Test
  void listRefusesOtherBase64SpellingsOfAnIssuedCursor() {
    // The signature is 16 bytes, 22 characters: the last one carries 4 bits, so 4 characters decode
    // alike.
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    int last = alphabet.indexOf(cursor.charAt(cursor.length() - 1));
    List<String> spellings = new ArrayList<>(List.of(cursor + "=="));
    for (int sameBits = last & ~3; sameBits < (last & ~3) + 4; sameBits++) {
      if (sameBits != last) {
        spellings.add(cursor.substring(0, cursor.length() - 1) + alphabet.charAt(sameBits));
      }
    }
    assertEquals(
        200,
        API.get("/products?limit=1&category=" + CATEGORY + "&cursor=" + encode(cursor))
            .send()
            .status());
    for (String spelling : spellings) {
      String query = "/products?limit=1&category=" + CATEGORY + "&cursor=" + encode(spelling);
      assertRefused(400, "cursor <" + spelling + ">", () -> API.get(query).send());
    }
  }

  @Test
  void listRefusesLimitsThatAreNotAWholeNumberFrom1To100() {
    List<String> limits =
        List.of(
            "-1",
            "-0",
            "0",
            "101",
            "1000",
            "2147483648",
            "99999999999999999999999",
            "1e2",
            "1E2",
            "0x10",
            "+5",
            " 5",
            "5 ",
            "1.0",
            "NaN",
            "Infinity",
            "",
            "null",
            "\u0663",
            "\uff15",
            "5;",
            "5,6");
    for (String limit : limits) {
      String query = "/products?category=" + CATEGORY + "&limit=" + encode(limit);
      assertRefused(400, "limit <" + limit + ">", () -> API.get(query).send());
    }
  }

  @Test
  void listRefusesRepeatedAndUnknownParameters() {
    String encoded = encode(cursor);
    List<String> queries =
        List.of(
            "limit=1&limit=1",
            "limit=1&limit=2",
            "category=a&category=a",
            "category=" + CATEGORY + "&cursor=" + encoded + "&cursor=" + encoded,
            "Limit=1",
            "CATEGORY=a",
            "=x",
            "limit",
            "cursor",
            "category",
            "x%00=1",
            "category=" + CATEGORY + "&" + encode("#name") + "=1");
    for (String query : queries) {
      assertRefused(400, "?" + query, () -> API.get("/products?" + query).send());
    }
  }

  /** Every route but the listing, each with what would succeed without the query. */
  static List<ApiCall> routesTakingNoQuery(String query) {
    String product = SampleProducts.full(CATEGORY).toString();
    String item = "/products/" + watchedId + "?" + query;
    return List.of(
        API.post("/products?" + query).json(product),
        API.get(item),
        API.put(item).json(product),
        API.patch(item).mergePatch("{\"stock\":1}"),
        API.delete(item));
  }

  @Test
  void everyRouteRefusesAQueryParameterItDoesNotTakeAndChangesNothing() {
    for (String query :
        List.of("x=1", "limit=5", "category=" + CATEGORY, "x", "x=1&x=2", "%C3%A9=1")) {
      for (ApiCall call : routesTakingNoQuery(query)) {
        assertRefused(400, call.method() + " " + call.pathAndQuery(), call::send);
        assertEquals(
            "urn:products-api:problem:invalid-query", call.send().json().get("type").asText());
      }
    }
  }

  @Test
  void aPreflightCarriesTheQueryOfTheRequestItAsksAboutAndIsAnsweredWhateverItIs() {
    for (String path :
        List.of("/products?category=a&limit=2", "/products/" + watchedId + "?x=1&x=2")) {
      ApiResult preflight =
          API.call("OPTIONS", path)
              .header("Origin", "https://shop.example")
              .header("Access-Control-Request-Method", "GET")
              .send();
      assertEquals(204, preflight.status(), path);
    }
  }

  /**
   * What a one-line field refuses (docs/contract.md, "Text"): every control character (C0, DEL, C1), the line and
   * paragraph separators, and the 66 noncharacters.
   */
  static List<Integer> refusedInOneLineText() {
    List<Integer> codePoints = new ArrayList<>();
    for (int c = 0; c <= 0x9F; c = c == 0x1F ? 0x7F : c + 1) {
      codePoints.add(c);
    }
    codePoints.addAll(List.of(0x2028, 0x2029));
    for (int c = 0xFDD0; c <= 0xFDEF; c++) {
      codePoints.add(c);
    }
    for (int plane = 0; plane <= 0x10; plane++) {
      codePoints.addAll(List.of(plane << 16 | 0xFFFE, plane << 16 | 0xFFFF));
    }
    return codePoints;
  }

  /** Inside the text, so that trimming (which takes tab, NEL and the separators off the ends) leaves it there. */
  static String around(int codePoint) {
    return "a" + Character.toString(codePoint) + "b";
  }

  @Test
  void listRefusesACategoryWithACharacterABodysCategoryRefusesAs400InvalidQuery() {
    List<Integer> refused = refusedInOneLineText();
    assertEquals(32 + 1 + 32 + 2 + 66, refused.size());
    for (int c : refused) {
      String what = String.format("?category=a%cb (U+%04X)", c, c);
      assertRefused(
          400,
          what + " in a body",
          () -> API.post("/products").json(SampleProducts.full(around(c)).toString()).send());
      ApiResult listed = API.get("/products?category=" + encode(around(c))).send();
      assertRefused(400, what, () -> listed);
      assertEquals(
          "urn:products-api:problem:invalid-query", listed.json().path("type").asText(), what);
      assertEquals(
          "category must not contain control characters.",
          listed.json().path("detail").asText(),
          what);
    }
  }

  @Test
  void listTakesTheInvisibleCharactersABodysCategoryTakesBidiAndFormatCharactersAmongThem() {
    List<Integer> taken =
        List.of(
            0x00AD, 0x061C, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D,
            0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF, 0xFFFD, 0xE000, 0x1F600);
    for (int c : taken) {
      String category = CATEGORY + Character.toString(c);
      String what = String.format("category ending in U+%04X", c);
      ApiResult created =
          API.post("/products").json(SampleProducts.full(category).toString()).send();
      assertEquals(201, created.status(), () -> what + " in a body: " + created);
      ApiResult listed = API.get("/products?category=" + encode(category)).send();
      assertEquals(200, listed.status(), () -> what + ": " + listed);
      assertEquals(
          List.of(created.createdId()), listed.json().get("items").findValuesAsText("id"), what);
    }
  }

  @Test
  void listTreatsInjectionStringsInTheCategoryAsData() {
    for (String category :
        List.of("x\" OR attribute_exists(id) OR \"", "#name", ":value", ") OR (1=1", "*")) {
      ApiResult listed = API.get("/products?category=" + encode(category)).send();
      assertEquals(200, listed.status(), () -> category + ": " + listed);
      assertEquals(0, listed.json().get("items").size(), category);
    }
  }
}
