package dev.catalog.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteTest {

  @Test
  void literalPathMatchesOnlyItself() {
    Route route = new Route("GET", "/products");
    assertEquals(Optional.of(Map.of()), route.match("/products"));
    assertEquals(Optional.empty(), route.match("/products/1"));
    assertEquals(Optional.empty(), route.match("/products/"));
    assertEquals(Optional.empty(), route.match("/product"));
  }

  @Test
  void pathParameterTakesOneWholeSegmentAsWritten() {
    Route route = new Route("GET", "/products/{id}");
    assertEquals(Optional.of(Map.of("id", "a%20b")), route.match("/products/a%20b"));
    assertEquals(Optional.empty(), route.match("/products/a/b"));
    assertEquals(Optional.empty(), route.match("/products/"));
    assertFalse(route.greedy());
  }

  @Test
  void greedyParameterTakesTheRestOfThePathButAtLeastOneSegment() {
    Route route = new Route("ANY", "/files/{proxy+}");
    assertTrue(route.greedy());
    assertEquals(List.of("proxy"), route.pathParameters());
    assertEquals(Optional.of(Map.of("proxy", "a/b/c.txt")), route.match("/files/a/b/c.txt"));
    assertEquals(Optional.empty(), route.match("/files"));
  }

  @Test
  void anyAllowsEveryMethodOthersOnlyTheirOwn() {
    assertTrue(new Route("ANY", "/x").allows("DELETE"));
    assertTrue(new Route("get", "/x").allows("GET"));
    assertFalse(new Route("GET", "/x").allows("HEAD"));
  }

  @Test
  void literalSegmentsWinOverParametersAndParametersOverGreedy() {
    List<Route> routes =
        Stream.of(
                new Route("ANY", "/{proxy+}"),
                new Route("GET", "/products/{id}"),
                new Route("ANY", "/products/{id}"),
                new Route("GET", "/products/special"),
                new Route("GET", "/"))
            .sorted(Route.MOST_SPECIFIC_FIRST)
            .toList();
    assertEquals(
        List.of(
            "GET /products/special",
            "GET /products/{id}",
            "ANY /products/{id}",
            "ANY /{proxy+}",
            "GET /"),
        routes.stream().map(Route::toString).toList());
  }

  @ParameterizedTest(name = "{0} {1} is rejected: {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
            GET   | products/{id}         | must start with '/'
            GET   | /products/            | invalid segment ''
            GET   | /products//x          | invalid segment ''
            GET   | /p{id}                | invalid segment 'p{id}'
            GET   | /{id}/x/{id}          | repeats parameter {id}
            GET   | /{proxy+}/x           | greedy parameter must be the last segment
            FETCH | /products              | method 'FETCH' is not one of
            """)
  void invalidRoutesAreRejectedWithTheReason(String method, String path, String reason) {
    var error = assertThrows(IllegalArgumentException.class, () -> new Route(method, path));
    assertTrue(error.getMessage().contains(reason), error.getMessage());
  }
}
