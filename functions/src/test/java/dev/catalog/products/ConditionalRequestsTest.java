package dev.catalog.products;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.catalog.testing.ApiCall;
import dev.catalog.testing.ApiResult;
import dev.catalog.testing.ProductsApi;
import dev.catalog.testing.SampleProducts;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Conditional requests on every route of {@code /products/{id}}, evaluated in RFC 9110 section 13.2.2's order:
 * If-Match, If-Unmodified-Since, If-None-Match, If-Modified-Since; ignored when the answer would be 404 anyway.
 */
class ConditionalRequestsTest {
  @RegisterExtension static final ProductsApi API = new ProductsApi();

  static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  /** A product under a new id; returns its id. */
  static String create() {
    String id = "c-" + UUID.randomUUID();
    assertEquals(
        201,
        API.put("/products/" + id).json(SampleProducts.full("cond").toString()).send().status());
    return id;
  }

  static ApiResult get(String id) {
    return API.get("/products/" + id).send();
  }

  /** Each route of an existing product, as a call to which the test adds its headers. */
  static List<Function<String, ApiCall>> routes() {
    return List.of(
        id -> API.get("/products/" + id),
        id -> API.put("/products/" + id).json(SampleProducts.minimal("cond").toString()),
        id -> API.patch("/products/" + id).mergePatch("{\"stock\": 7}"),
        id -> API.delete("/products/" + id));
  }

  static Instant lastModified(ApiResult result) {
    String header = result.header("Last-Modified");
    assertNotNull(header, result::toString);
    return Instant.from(HTTP_DATE.parse(header));
  }

  @Test
  void deleteWithAFalseIfNoneMatchIs412AndKeepsTheProduct() {
    String id = create();
    String etag = get(id).header("ETag");

    for (String ifNoneMatch : List.of(etag, "*", "\"other\", " + etag, "W/" + etag)) {
      ApiResult refused = API.delete("/products/" + id).header("If-None-Match", ifNoneMatch).send();
      assertEquals(412, refused.status(), ifNoneMatch + ": " + refused);
      assertEquals(200, get(id).status());
    }
    assertEquals(
        204, API.delete("/products/" + id).header("If-None-Match", "\"other\"").send().status());
  }

  @Test
  void deleteWithAMalformedIfNoneMatchIs400AndKeepsTheProduct() {
    String id = create();
    ApiResult refused = API.delete("/products/" + id).header("If-None-Match", "garbage").send();

    assertEquals(400, refused.status(), refused::toString);
    assertEquals(
        "urn:products-api:problem:invalid-precondition", refused.json().get("type").asText());
    assertEquals(200, get(id).status());
  }

  @Test
  void etagsNeverRepeatAcrossDeleteAndRecreate() {
    String id = create();
    String first = get(id).header("ETag");
    assertEquals(204, API.delete("/products/" + id).send().status());
    ApiResult again =
        API.put("/products/" + id).json(SampleProducts.full("cond").toString()).send();

    assertEquals(201, again.status());
    assertNotEquals(first, again.header("ETag"));
    assertEquals(1, again.json().get("version").asInt(), "versions still start at 1");
    assertEquals(
        200,
        API.get("/products/" + id).header("If-None-Match", first).send().status(),
        "a stale cache entry is not revalidated as the new product");
    assertEquals(
        412,
        API.patch("/products/" + id)
            .header("If-Match", first)
            .mergePatch("{\"stock\": 1}")
            .send()
            .status(),
        "an If-Match from before the delete does not match the new product");
    assertEquals(again.body(), get(id).body());
  }

  @Test
  void ifMatchStarOnAnAbsentProductIs404OnPatchAndDeleteAnd412OnPut() {
    String id = "absent-" + UUID.randomUUID();
    assertEquals(
        404,
        API.patch("/products/" + id)
            .header("If-Match", "*")
            .mergePatch("{\"stock\": 1}")
            .send()
            .status());
    assertEquals(404, API.delete("/products/" + id).header("If-Match", "*").send().status());
    assertEquals(404, API.get("/products/" + id).header("If-Match", "*").send().status());
    assertEquals(
        412,
        API.put("/products/" + id)
            .header("If-Match", "*")
            .json(SampleProducts.minimal("cond").toString())
            .send()
            .status(),
        "PUT would create: 201 without it");
    assertEquals(404, get(id).status());
  }

  @Test
  void aMalformedPreconditionIs400OnEveryRouteWhetherOrNotTheProductExists() {
    String present = create();
    String absent = "absent-" + UUID.randomUUID();
    for (String header : List.of("If-Match", "If-None-Match")) {
      for (var route : routes()) {
        for (String id : List.of(present, absent)) {
          ApiResult refused = route.apply(id).header(header, "1").send();
          assertEquals(400, refused.status(), header + " on " + id + ": " + refused);
          assertEquals(
              "urn:products-api:problem:invalid-precondition", refused.json().get("type").asText());
        }
      }
    }
    assertEquals(1, get(present).json().get("version").asInt());
    assertEquals(404, get(absent).status());
  }

  @Test
  void getWithAFalseIfMatchIs412AndIfMatchIsEvaluatedBeforeIfNoneMatch() {
    String id = create();
    String etag = get(id).header("ETag");

    assertEquals(412, API.get("/products/" + id).header("If-Match", "\"other\"").send().status());
    assertEquals(
        412,
        API.get("/products/" + id)
            .header("If-Match", "\"other\"")
            .header("If-None-Match", etag)
            .send()
            .status());
    assertEquals(200, API.get("/products/" + id).header("If-Match", etag).send().status());
    assertEquals(
        304,
        API.get("/products/" + id)
            .header("If-Match", etag)
            .header("If-None-Match", etag)
            .send()
            .status());
  }

  @Test
  void productResponsesCarryLastModifiedToTheSecondOfUpdatedAt() {
    String id = create();
    ApiResult fetched = get(id);
    Instant updatedAt = Instant.parse(fetched.json().get("updatedAt").asText());

    assertEquals(updatedAt.truncatedTo(ChronoUnit.SECONDS), lastModified(fetched));
    ApiResult patched = API.patch("/products/" + id).mergePatch("{\"stock\": 3}").send();
    assertEquals(
        Instant.parse(patched.json().get("updatedAt").asText()).truncatedTo(ChronoUnit.SECONDS),
        lastModified(patched));
  }

  @Test
  void ifUnmodifiedSinceBeforeTheLastChangeIs412OnEveryRouteAndChangesNothing() {
    for (var route : routes()) {
      String id = create();
      ApiResult before = get(id);
      String earlier = HTTP_DATE.format(lastModified(before).minusSeconds(1));

      ApiResult refused = route.apply(id).header("If-Unmodified-Since", earlier).send();
      assertEquals(412, refused.status(), refused::toString);
      assertEquals(before.body(), get(id).body());
    }
  }

  @Test
  void ifUnmodifiedSinceAtOrAfterTheLastChangeLetsEveryRouteProceed() {
    List<Integer> expected = List.of(200, 200, 200, 204);
    for (int i = 0; i < expected.size(); i++) {
      String id = create();
      String at = get(id).header("Last-Modified");
      assertEquals(
          expected.get(i),
          routes().get(i).apply(id).header("If-Unmodified-Since", at).send().status());
    }
  }

  @Test
  void ifUnmodifiedSinceIsIgnoredWithIfMatchAndWhenItIsNotADate() {
    String id = create();
    ApiResult before = get(id);
    String earlier = HTTP_DATE.format(lastModified(before).minusSeconds(1));

    assertEquals(
        200,
        API.patch("/products/" + id)
            .header("If-Match", before.header("ETag"))
            .header("If-Unmodified-Since", earlier)
            .mergePatch("{\"stock\": 1}")
            .send()
            .status());
    for (String notADate : List.of("yesterday", "0", "Sat, 99 Nov 2026 10:00:00 GMT")) {
      assertEquals(
          200,
          API.patch("/products/" + id)
              .header("If-Unmodified-Since", notADate)
              .mergePatch("{\"stock\": 2}")
              .send()
              .status(),
          notADate);
    }
  }

  @Test
  void ifUnmodifiedSinceAcceptsTheObsoleteDateFormats() {
    String id = create();
    Instant earlier = lastModified(get(id)).minusSeconds(1);
    var rfc850 =
        DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);
    var asctime =
        DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    for (String date : List.of(rfc850.format(earlier), asctime.format(earlier))) {
      assertEquals(
          412,
          API.delete("/products/" + id).header("If-Unmodified-Since", date).send().status(),
          date);
    }
  }

  @Test
  void getWithIfModifiedSinceIs304UnlessChangedSinceAndIgnoresItWithIfNoneMatch() {
    String id = create();
    ApiResult before = get(id);
    String at = before.header("Last-Modified");
    String earlier = HTTP_DATE.format(lastModified(before).minusSeconds(1));

    ApiResult notModified = API.get("/products/" + id).header("If-Modified-Since", at).send();
    assertEquals(304, notModified.status());
    assertEquals(before.header("ETag"), notModified.header("ETag"));
    assertEquals("", notModified.body());
    assertEquals(
        200, API.get("/products/" + id).header("If-Modified-Since", earlier).send().status());
    assertEquals(
        200,
        API.get("/products/" + id)
            .header("If-Modified-Since", at)
            .header("If-None-Match", "\"other\"")
            .send()
            .status());
    assertEquals(
        200,
        API.patch("/products/" + id)
            .header("If-Modified-Since", at)
            .mergePatch("{\"stock\": 4}")
            .send()
            .status(),
        "only GET and HEAD consider If-Modified-Since");
  }

  @Test
  void preconditionsAreEvaluatedBeforeTheBodyIsValidatedAsAProductOnPutAndPatch() {
    String id = create();
    String invalid = "{\"name\": \"\", \"price\": -1}";

    assertEquals(
        412, API.put("/products/" + id).header("If-None-Match", "*").json(invalid).send().status());
    assertEquals(
        412,
        API.patch("/products/" + id)
            .header("If-Match", "\"other\"")
            .mergePatch(invalid)
            .send()
            .status());
    assertEquals(
        400, API.put("/products/" + id).header("If-Match", "*").json(invalid).send().status());
    assertEquals(
        400,
        API.put("/products/" + id).header("If-None-Match", "*").json("{").send().status(),
        "JSON syntax is checked first, with the rest of the request");
  }
}
