package dev.catalog.products;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.testing.ApiResult;
import dev.catalog.testing.ProductsApi;
import dev.catalog.testing.SampleProducts;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GET /products: pages, limits, the category index, and cursors that cannot be forged. */
class ListProductsTest {
  @RegisterExtension static final ProductsApi API = new ProductsApi();

  static final int MANY = 260;
  static final String BIG = SampleProducts.uniqueCategory();
  static final String SMALL = SampleProducts.uniqueCategory();
  static final Set<String> bigIds = new HashSet<>();
  static final Set<String> smallIds = new HashSet<>();

  @BeforeAll
  static void createProducts() {
    for (int i = 0; i < MANY; i++) {
      ObjectNode product = SampleProducts.minimal(BIG);
      product.put("name", "Product " + i);
      bigIds.add(API.post("/products").json(product.toString()).send().createdId());
    }
    for (int i = 0; i < 3; i++) {
      smallIds.add(
          API.post("/products").json(SampleProducts.minimal(SMALL).toString()).send().createdId());
    }
  }

  /** Follows nextCursor to the end, checking every page; returns the ids in the order served. */
  static List<String> walk(String query, int limit) {
    List<String> ids = new ArrayList<>();
    String cursor = null;
    do {
      String url =
          "/products?limit=" + limit + query + (cursor == null ? "" : "&cursor=" + encode(cursor));
      ApiResult page = API.get(url).send();
      assertEquals(200, page.status(), page::toString);
      JsonNode body = page.json();
      assertTrue(body.get("items").size() <= limit);
      body.get("items").forEach(item -> ids.add(item.get("id").asText()));
      cursor = body.get("nextCursor").isNull() ? null : body.get("nextCursor").asText();
      if (cursor != null) {
        assertEquals(limit, body.get("items").size(), "only the last page may be short");
      }
    } while (cursor != null);
    return ids;
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Test
  void walkingTheCategoryCursorsReturnsEveryProductExactlyOnce() {
    List<String> ids = walk("&category=" + BIG, 7);

    assertEquals(MANY, ids.size());
    assertEquals(bigIds, new HashSet<>(ids));
  }

  @Test
  void walkingAllProductsReturnsEveryProductExactlyOnce() {
    List<String> ids = walk("", 100);

    assertEquals(ids.size(), new HashSet<>(ids).size(), "no product twice");
    assertTrue(new HashSet<>(ids).containsAll(bigIds));
    assertTrue(new HashSet<>(ids).containsAll(smallIds));
  }

  @Test
  void listByCategoryReturnsOnlyThatCategory() {
    JsonNode body = API.get("/products?category=" + SMALL).send().json();

    assertEquals(3, body.get("items").size());
    body.get("items").forEach(item -> assertEquals(SMALL, item.get("category").asText()));
    assertTrue(body.get("nextCursor").isNull());
  }

  @Test
  void listDefaultsTo20ItemsAndAcceptsLimitsFrom1To100() {
    assertEquals(20, API.get("/products?category=" + BIG).send().json().get("items").size());
    assertEquals(1, API.get("/products?limit=1&category=" + BIG).send().json().get("items").size());
    assertEquals(
        100, API.get("/products?limit=100&category=" + BIG).send().json().get("items").size());
  }

  @Test
  void listRefusesLimitsOutsideOneToHundred() {
    for (String limit :
        List.of("0", "-1", "101", "99999999999999999999", "abc", "1.5", "", "%201")) {
      ApiResult refused = API.get("/products?limit=" + limit).send();
      assertEquals(400, refused.status(), () -> limit + ": " + refused);
      assertEquals("application/problem+json", refused.header("Content-Type"));
    }
  }

  @Test
  void listOfAnUnknownCategoryIsEmpty() {
    JsonNode body = API.get("/products?category=nothing-here").send().json();

    assertEquals(0, body.get("items").size());
    assertTrue(body.get("nextCursor").isNull());
  }

  @Test
  void listRefusesCursorsItDidNotIssue() {
    String issued =
        API.get("/products?limit=2&category=" + BIG).send().json().get("nextCursor").asText();
    char last = issued.charAt(issued.length() - 1);
    String tampered = issued.substring(0, issued.length() - 1) + (last == 'A' ? 'B' : 'A');
    List<String> bad =
        List.of(
            "garbage",
            "",
            ".",
            "a.b",
            issued.substring(0, issued.length() / 2),
            issued.substring(0, issued.indexOf('.')),
            tampered,
            "eyJpZCI6IngifQ.AAAAAAAAAAAAAAAAAAAAAA",
            "%00");
    for (String cursor : bad) {
      ApiResult refused =
          API.get("/products?limit=2&category=" + BIG + "&cursor=" + encode(cursor)).send();
      assertEquals(400, refused.status(), () -> cursor + ": " + refused);
    }
  }

  @Test
  void listRefusesACursorFromAnotherCategory() {
    String issued =
        API.get("/products?limit=2&category=" + BIG).send().json().get("nextCursor").asText();

    assertEquals(
        400, API.get("/products?category=" + SMALL + "&cursor=" + encode(issued)).send().status());
    assertEquals(400, API.get("/products?cursor=" + encode(issued)).send().status());
  }

  @Test
  void listRefusesUnknownAndRepeatedQueryParameters() {
    assertEquals(400, API.get("/products?categroy=" + BIG).send().status());
    assertEquals(400, API.get("/products?limit=2&limit=3").send().status());
  }

  @Test
  void listRefusesAnEmptyOrOverlongCategory() {
    assertEquals(400, API.get("/products?category=").send().status());
    assertEquals(400, API.get("/products?category=" + "c".repeat(65)).send().status());
    assertFalse(API.get("/products?category=" + "c".repeat(64)).send().status() != 200);
  }

  @Test
  void listNormalizesTheCategoryOfTheQueryAsWritesNormalizeABodysCategory() {
    JsonNode plain = API.get("/products?category=" + SMALL).send().json();
    for (String padded :
        List.of(" " + SMALL + " ", "\u00a0" + SMALL + "\u202f", "\t" + SMALL + "\u3000")) {
      ApiResult listed = API.get("/products?category=" + encode(padded)).send();
      assertEquals(200, listed.status(), listed::toString);
      assertEquals(plain.get("items"), listed.json().get("items"), padded);
    }
    assertEquals(400, API.get("/products?category=" + encode("\u00a0\u2007")).send().status());
  }

  @Test
  void listCountsTheCategorysLengthInCodePoints() {
    String emoji = new String(Character.toChars(0x1F600));
    assertEquals(200, API.get("/products?category=" + encode(emoji.repeat(64))).send().status());
    assertEquals(400, API.get("/products?category=" + encode(emoji.repeat(65))).send().status());
  }
}
