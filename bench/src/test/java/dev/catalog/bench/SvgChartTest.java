package dev.catalog.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

class SvgChartTest {

  @Test
  void axisEndsOnOneTwoOrFiveTimesAPowerOfTen() {
    assertEquals(1000, SvgChart.niceMax(812));
    assertEquals(2000, SvgChart.niceMax(1393));
    assertEquals(5, SvgChart.niceMax(3.4));
    assertEquals(0.2, SvgChart.niceMax(0.15), 1e-12);
    assertEquals(10, SvgChart.niceMax(10));
  }

  @Test
  void chartIsWellFormedSvgWithOneRowPerMeasuredFunction() throws Exception {
    var cold =
        new ColdStart(
            500, 100, 610, 90_000, 95_000, new long[] {1_000_000, 2_000_000}, Map.of("200", 3));
    var function =
        new BenchFunction("GetProductFunction", "x.Handler::handleRequest", Map.of(), 1024, 10);
    var floor =
        FunctionResult.of(
            new BenchFunction("NoopFloor", "x.Noop::handleRequest", Map.of(), 1024, 10),
            "floor",
            "fixture",
            List.of(cold),
            null);
    var failed = FunctionResult.of(function, "function", "fixture", List.of(), "runtime exited");

    String svg =
        SvgChart.draw(
            List.of(
                floor, FunctionResult.of(function, "function", "e", List.of(cold), null), failed),
            "test <run> & more");

    var document =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    assertEquals("svg", document.getDocumentElement().getTagName());
    assertTrue(svg.contains(">NoopFloor (floor)<"));
    assertEquals(1, svg.split(">GetProductFunction<", -1).length - 1);
  }
}
