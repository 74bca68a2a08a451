package dev.catalog.products;

import static dev.catalog.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.testing.ApiCall;
import dev.catalog.testing.ApiResult;
import dev.catalog.testing.ProblemAssertions;
import dev.catalog.testing.ProductsApi;
import dev.catalog.testing.SampleProducts;
import dev.catalog.testing.StoredState;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Hostile request bodies on every route that takes one (POST, POST with an Idempotency-Key, PUT and PATCH of an
 * existing product): each gets a 4xx problem and changes nothing, neither table nor the product it aimed at.
 * Expression-injection strings are data: stored and read back exactly in the free-text fields (refused as a currency
 * or a field name), and never touch another item.
 * Hostile ids and query strings are in {@link HostilePathAndQueryTest}, base64 bodies in {@link Base64BodyTest}.
 */
class HostileInputTest {
  @RegisterExtension static final ProductsApi API = new ProductsApi();

  static final String JSON = "application/json";
  static final String MERGE_PATCH = "application/merge-patch+json";
  static final int LIMIT = 64 * 1024;

  /** The product PUT and PATCH aim at, and that every refused request must leave byte-identical. */
  static String watchedId;

  static StoredState initial;

  @BeforeAll
  static void createWatchedProduct() {
    watchedId =
        API.post("/products").json(SampleProducts.full("watched").toString()).send().createdId();
  }

  @BeforeEach
  void recordInitialState() {
    initial = StoredState.of(API, watchedId);
  }

  /** A route taking a product document (a merge patch for PATCH); each hostile body is sent to all of them. */
  record WriteRoute(String method, String path, String contentType, boolean idempotencyKey) {
    ApiCall call(byte[] body) {
      ApiCall call = API.call(method, path).header("Content-Type", contentType).body(body);
      return idempotencyKey ? call.header("Idempotency-Key", UUID.randomUUID().toString()) : call;
    }

    @Override
    public String toString() {
      return method + " " + path + (idempotencyKey ? " with Idempotency-Key" : "");
    }
  }

  static List<WriteRoute> writeRoutes() {
    return List.of(
        new WriteRoute("POST", "/products", JSON, false),
        new WriteRoute("POST", "/products", JSON, true),
        new WriteRoute("PUT", "/products/" + watchedId, JSON, false),
        new WriteRoute("PATCH", "/products/" + watchedId, MERGE_PATCH, false));
  }

  /** Sends {@code body} to every write route: each answers a {@code status} problem, and nothing changes. */
  static void assertRefusedEverywhere(int status, String what, byte[] body) {
    for (WriteRoute route : writeRoutes()) {
      assertRefused(status, route + " " + what, () -> route.call(body).send());
    }
  }

  static void assertRefusedEverywhere(int status, String what, String body) {
    assertRefusedEverywhere(status, what, body.getBytes(StandardCharsets.UTF_8));
  }

  /** Each refused request is compared with the state before the test: refusals must not even add up to a change. */
  static void assertRefused(int status, String what, Supplier<ApiResult> request) {
    assertProblem(status, request.get(), what);
    assertEquals(initial, StoredState.of(API, watchedId), () -> what + " changed what is stored");
  }

  /** A valid, complete product document as text, with {@code member} (raw JSON text) added at the end. */
  static String productWith(String member) {
    String json = SampleProducts.full("hostile").toString();
    return json.substring(0, json.length() - 1) + "," + member + "}";
  }

  /** A valid product document as text with {@code field} set to the raw JSON text {@code value}. */
  static String productWithRaw(String field, String value) {
    ObjectNode product = SampleProducts.full("hostile");
    product.remove(field);
    String json = product.toString();
    return json.substring(0, json.length() - 1) + ",\"" + field + "\":" + value + "}";
  }

  /** A product document of exactly {@code bytes} UTF-8 bytes, its description filled with {@code filler}. */
  static byte[] productOfSize(int bytes, String filler) {
    String head = "{\"name\":\"Big\",\"price\":1,\"category\":\"big\",\"description\":\"";
    String tail = "\"}";
    StringBuilder json = new StringBuilder(head);
    int fillerBytes = filler.getBytes(StandardCharsets.UTF_8).length;
    int room = bytes - head.length() - tail.length();
    json.append(filler.repeat(room / fillerBytes))
        .append("x".repeat(room % fillerBytes))
        .append(tail);
    byte[] encoded = json.toString().getBytes(StandardCharsets.UTF_8);
    assertEquals(bytes, encoded.length);
    return encoded;
  }

  @Test
  void invalidUtf8BodiesAre400() {
    byte[] valid = SampleProducts.full("hostile").toString().getBytes(StandardCharsets.UTF_8);
    List<byte[]> sequences =
        List.of(
            new byte[] {(byte) 0xC3, 0x28},
            new byte[] {(byte) 0xFF},
            new byte[] {(byte) 0xC0, (byte) 0xAF},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            new byte[] {(byte) 0xE2, (byte) 0x82});
    for (byte[] sequence : sequences) {
      // Inside the name's string value, just after its opening quote.
      int at = new String(valid, StandardCharsets.UTF_8).indexOf("Stainless");
      byte[] body = new byte[valid.length + sequence.length];
      System.arraycopy(valid, 0, body, 0, at);
      System.arraycopy(sequence, 0, body, at, sequence.length);
      System.arraycopy(valid, at, body, at + sequence.length, valid.length - at);
      assertRefusedEverywhere(400, "invalid UTF-8 " + HexFormat.of().formatHex(sequence), body);
    }
    assertRefusedEverywhere(400, "a lone 0xFF", new byte[] {(byte) 0xFF});
  }

  @Test
  void loneSurrogatesAre400InEveryStringAndFieldName() {
    for (String surrogate :
        List.of("\\ud800", "\\udc00", "\\udc00\\ud800", "abc\\ud83d", "\\ud83dx")) {
      assertRefusedEverywhere(
          400, "name " + surrogate, productWithRaw("name", "\"" + surrogate + "\""));
      assertRefusedEverywhere(
          400, "category " + surrogate, productWithRaw("category", "\"" + surrogate + "\""));
      assertRefusedEverywhere(
          400, "description " + surrogate, productWithRaw("description", "\"" + surrogate + "\""));
      assertRefusedEverywhere(
          400, "tags " + surrogate, productWithRaw("tags", "[\"ok\",\"" + surrogate + "\"]"));
      assertRefusedEverywhere(
          400, "unknown field " + surrogate, productWith("\"" + surrogate + "\":1"));
      assertRefusedEverywhere(
          400, "field name " + surrogate, productWith("\"n" + surrogate + "ame\":\"x\""));
    }
  }

  @Test
  void bodiesOverTheLimitAre413AndThoseAtOrUnderItAreJudgedAsProducts() {
    assertRefusedEverywhere(413, "1 MB body", productOfSize(1024 * 1024, "x"));
    assertRefusedEverywhere(413, "64 KiB + 1 byte", productOfSize(LIMIT + 1, "x"));
    assertRefusedEverywhere(
        413, "64 KiB + 1 byte of 2-byte characters", productOfSize(LIMIT + 1, "\u00e9"));
    assertRefusedEverywhere(
        413, "64 KiB + 1 byte of 3-byte characters", productOfSize(LIMIT + 1, "\u20ac"));
    assertRefusedEverywhere(
        413, "64 KiB + 1 byte of 4-byte characters", productOfSize(LIMIT + 1, "\ud83d\ude00"));
    assertRefusedEverywhere(413, "1 MB of invalid UTF-8", new byte[1024 * 1024 + 1]);
    // Valid JSON of the right shape, but the description is far over 4000 characters: a 400, not a
    // 413.
    assertRefusedEverywhere(400, "64 KiB exactly", productOfSize(LIMIT, "x"));
    assertRefusedEverywhere(400, "64 KiB - 1 byte", productOfSize(LIMIT - 1, "x"));
    assertRefusedEverywhere(
        400, "64 KiB of 4-byte characters", productOfSize(LIMIT, "\ud83d\ude00"));
  }

  @Test
  void deeplyNestedJsonIs400() {
    int levels = 10_000;
    assertRefusedEverywhere(400, "10,000 arrays", "[".repeat(levels) + "]".repeat(levels));
    assertRefusedEverywhere(
        400, "10,000 objects", "{\"a\":".repeat(levels) + "1" + "}".repeat(levels));
    assertRefusedEverywhere(400, "10,000 unclosed arrays", "[".repeat(levels));
    assertRefusedEverywhere(
        400,
        "10,000 arrays in a tag",
        productWithRaw("tags", "[".repeat(levels) + "]".repeat(levels)));
    assertRefusedEverywhere(
        400,
        "10,000 objects in the name",
        productWithRaw("name", "{\"a\":".repeat(levels) + "1" + "}".repeat(levels)));
  }

  @Test
  void numbersThatAreNotPlainJsonOrDoNotFitAre400AsPriceAndAsStock() {
    List<String> numbers =
        List.of(
            "1e999999",
            "1e-999999",
            "1e999999999",
            "1e2147483648",
            "-1e2147483648",
            "1e2147483649",
            "1e-2147483649",
            "1.0e-2147483647",
            "100e2147483647",
            "0.0e-2147483648",
            "-0",
            "-0.0",
            "-0e5",
            "NaN",
            "Infinity",
            "-Infinity",
            "0x10",
            "01",
            "+1",
            ".5",
            "1.",
            "1e",
            "123456789012345678901234567890",
            "0.123456789012345678901234567890",
            "123456789012345.123456789012345",
            "9".repeat(65),
            "\"12\"",
            "true",
            "[1]",
            "{}");
    for (String number : numbers) {
      assertRefusedEverywhere(400, "price " + number, productWithRaw("price", number));
      assertRefusedEverywhere(400, "stock " + number, productWithRaw("stock", number));
    }
  }

  @Test
  void duplicateKeysAre400() {
    assertRefusedEverywhere(400, "name twice", productWith("\"name\":\"Other\""));
    assertRefusedEverywhere(
        400, "name twice, once escaped", productWith("\"n\\u0061me\":\"Other\""));
    assertRefusedEverywhere(400, "price twice, same value", productWith("\"price\":24.99"));
    assertRefusedEverywhere(400, "tags twice", productWith("\"tags\":[]"));
    assertRefusedEverywhere(400, "an unknown key twice", "{\"x\":1,\"x\":1}");
  }

  @Test
  void bodiesThatAreNotOneJsonObjectAre400() {
    String product = SampleProducts.full("hostile").toString();
    List<String> bodies =
        List.of(
            "",
            " ",
            " \r\n\t ",
            "null",
            "[]",
            "[" + product + "]",
            "\"a product\"",
            "42",
            "true",
            "{",
            "{\"name\":",
            "{\"name\":\"Rake\"",
            product.substring(0, product.length() - 1),
            product + product,
            product + " x",
            product + "}",
            "\ufeff" + product,
            "/* c */" + product,
            "{'name':'Rake'}",
            "{name:\"Rake\"}",
            product.replace(",\"stock\"", ",,\"stock\""),
            product.replace("}", ",}"));
    for (String body : bodies) {
      assertRefusedEverywhere(400, "body <" + body + ">", body);
    }
    assertRefusedEverywhere(
        400,
        "a UTF-8 BOM before the JSON (bytes)",
        concat(
            new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
            product.getBytes(StandardCharsets.UTF_8)));
  }

  static byte[] concat(byte[] first, byte[] second) {
    byte[] both = new byte[first.length + second.length];
    System.arraycopy(first, 0, both, 0, first.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }

  static final List<String> INJECTIONS =
      List.of(
          "x\" OR attribute_exists(id) OR \"",
          "#name",
          ":value",
          ") OR (1=1",
          "${jndi:ldap://x}",
          "{{resolve:x}}",
          "'; DROP TABLE products; --",
          "<script>x</script>",
          "%s%n%x",
          "\\u0000",
          "\u202eRTL",
          "\ud83d\ude00 pair");

  @Test
  void injectionStringsInEveryFreeTextFieldAreStoredVerbatimAndTouchNoOtherItem() {
    int n = 0;
    for (String text : INJECTIONS) {
      for (String field : List.of("name", "description", "category", "tags")) {
        String what = field + " = " + text;
        ObjectNode product = SampleProducts.full(SampleProducts.uniqueCategory());
        ObjectNode patch = product.objectNode();
        for (ObjectNode document : List.of(product, patch)) {
          if (field.equals("tags")) {
            document.putArray("tags").add(text);
          } else {
            document.put(field, text);
          }
        }
        StoredState before = StoredState.of(API, watchedId);
        ApiResult created = API.post("/products").json(product.toString()).send();
        assertStoredVerbatim(201, created, field, text, before, "POST " + what);

        before = StoredState.of(API, watchedId);
        ApiResult put = API.put("/products/injection-" + n++).json(product.toString()).send();
        assertStoredVerbatim(201, put, field, text, before, "PUT " + what);

        String target =
            API.post("/products").json(SampleProducts.full("target").toString()).send().createdId();
        before = StoredState.of(API, watchedId);
        ApiResult patched = API.patch("/products/" + target).mergePatch(patch.toString()).send();
        assertStoredVerbatim(200, patched, field, text, before, "PATCH " + what);
      }
    }
  }

  @Test
  void controlCharactersInTextFieldsAre400() {
    for (String field : List.of("name", "description", "category", "tags")) {
      ObjectNode product = SampleProducts.full("hostile");
      if (field.equals("tags")) {
        product.putArray("tags").add("a\u0000b");
      } else {
        product.put(field, "a\u0000b");
      }
      assertRefusedEverywhere(400, field + " with NUL", product.toString());
    }
  }

  @Test
  void injectionStringsAsTheCurrencyAre400() {
    for (String text : INJECTIONS) {
      ObjectNode product = SampleProducts.full("hostile");
      product.put("currency", text);
      assertRefusedEverywhere(400, "currency = " + text, product.toString());
    }
  }

  /** A value of every JSON type, null among them, and containers holding null. */
  static final List<String> EVERY_JSON_TYPE =
      List.of(
          "null",
          "\"red\"",
          "\"\"",
          "0",
          "-1.5e3",
          "true",
          "false",
          "{}",
          "{\"nested\":null}",
          "[]",
          "[null]");

  /**
   * The contract's rule (docs/contract.md): a member that is not a field is a 400 naming it, whatever its value, null
   * included, on every route that takes a document (PUT creating a product as well as replacing one). The product has
   * no nested object, so a member is unknown only at the top level; its value may nest anything.
   */
  @Test
  void anUnknownMemberIs400NamingItWhateverItsValueNullIncludedOnEveryWriteRoute() {
    List<WriteRoute> routes = new ArrayList<>(writeRoutes());
    routes.add(new WriteRoute("PUT", "/products/unknown-member-" + UUID.randomUUID(), JSON, false));
    for (String name : List.of("colour", "Name", "price ", "")) {
      for (String value : EVERY_JSON_TYPE) {
        byte[] body = productWith("\"" + name + "\":" + value).getBytes(StandardCharsets.UTF_8);
        for (WriteRoute route : routes) {
          String what = route + " with \"" + name + "\": " + value;
          ApiResult result = route.call(body).send();
          JsonNode problem = assertProblem(400, result, what);
          assertEquals(
              ProblemAssertions.TYPE_PREFIX + "validation-failed",
              problem.path("type").asText(),
              what);
          assertEquals(1, problem.path("errors").size(), () -> what + ": " + result);
          assertEquals(name, problem.path("errors").path(0).path("field").asText(), what);
          assertEquals(
              "is not a field of a product",
              problem.path("errors").path(0).path("message").asText(),
              what);
          assertEquals(
              initial, StoredState.of(API, watchedId), () -> what + " changed what is stored");
        }
      }
    }
  }

  @Test
  void injectionStringsAsFieldNamesAre400() {
    for (String text : INJECTIONS) {
      ObjectNode product = SampleProducts.full("hostile");
      product.put(text, "x");
      assertRefusedEverywhere(400, "field " + text, product.toString());
    }
  }

  /**
   * The write answered {@code status} (201 adds one item, 200 none), reads back exactly, and left the watched
   * product and the idempotency table alone; a category is found by listing that very category.
   */
  static void assertStoredVerbatim(
      int status, ApiResult result, String field, String text, StoredState before, String what) {
    assertEquals(status, result.status(), () -> what + ": " + result);
    StoredState after = StoredState.of(API, watchedId);
    assertEquals(before.product(), after.product(), what);
    assertEquals(before.idempotencyRecords(), after.idempotencyRecords(), what);
    assertEquals(before.products() + (status == 201 ? 1 : 0), after.products(), what);
    String id = result.json().get("id").asText();
    JsonNode fetched = API.get("/products/" + id).send().json();
    JsonNode value = field.equals("tags") ? fetched.get("tags").get(0) : fetched.get(field);
    assertEquals(text, value.asText(), what);
    assertEquals(result.json(), fetched, what);
    if (field.equals("category")) {
      String query =
          "/products?limit=100&category=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
      JsonNode items = API.get(query).send().json().get("items");
      items.forEach(item -> assertEquals(text, item.get("category").asText(), what));
      assertTrue(items.findValuesAsText("id").contains(id), what);
    }
  }
}
