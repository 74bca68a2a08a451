package dev.catalog.bench;

import java.util.List;
import java.util.Locale;

/**
 * The run as an SVG chart, one row per function: on the left its median cold start (init, then first invocation),
 * on the right its warm p50, p90 and p99. Plain text building: a chart this simple needs no library.
 */
final class SvgChart {

  private static final int WIDTH = 1060;
  private static final int LABELS = 230;
  private static final int COLD_X = 240;
  private static final int COLD_WIDTH = 360;
  private static final int WARM_X = 640;
  private static final int WARM_WIDTH = 320;
  private static final int TOP = 70;
  private static final int ROW = 40;
  private static final String[] WARM_COLOURS = {"#2b8a3e", "#f59f00", "#c92a2a"};

  private SvgChart() {}

  static String draw(List<FunctionResult> functions, String subtitle) {
    List<FunctionResult> measured =
        functions.stream().filter(f -> f.coldTotalMs() != null).toList();
    double coldMax =
        niceMax(
            measured.stream()
                .mapToDouble(f -> Math.max(f.coldTotalMs(), f.initMs() + f.firstInvokeMs()))
                .max()
                .orElse(1));
    double warmMax =
        niceMax(
            measured.stream()
                .filter(f -> f.warm() != null)
                .mapToDouble(f -> f.warm().p99Ms())
                .max()
                .orElse(1));
    int height = TOP + measured.size() * ROW + 60;
    var svg = new StringBuilder();
    svg.append(
        format(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                + " font-family=\"sans-serif\" font-size=\"12\">%n",
            WIDTH, height, WIDTH, height));
    svg.append(format("<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, height));
    svg.append(
        text(
            10,
            20,
            "start",
            "font-size=\"15\" font-weight=\"bold\"",
            "Products API functions: cold start and warm latency"));
    svg.append(text(10, 38, "start", "fill=\"#555\"", subtitle));
    svg.append(legend(COLD_X, 58, "#1c7ed6", "init"));
    svg.append(legend(COLD_X + 60, 58, "#74c0fc", "first invocation (medians of the cold starts)"));
    for (int i = 0; i < 3; i++) {
      svg.append(
          legend(WARM_X + i * 60, 58, WARM_COLOURS[i], new String[] {"p50", "p90", "p99"}[i]));
    }
    axis(svg, COLD_X, COLD_WIDTH, coldMax, height);
    axis(svg, WARM_X, WARM_WIDTH, warmMax, height);
    svg.append(
        text(
            COLD_X + COLD_WIDTH / 2.0,
            height - 8,
            "middle",
            "",
            "cold start: process start to first answer, ms"));
    svg.append(text(WARM_X + WARM_WIDTH / 2.0, height - 8, "middle", "", "warm invocation, ms"));
    for (int row = 0; row < measured.size(); row++) {
      FunctionResult f = measured.get(row);
      int y = TOP + row * ROW;
      String label = f.role().equals("function") ? f.name() : f.name() + " (" + f.role() + ")";
      svg.append(text(LABELS, y + 17, "end", "", label));
      double init = scale(f.initMs(), coldMax, COLD_WIDTH);
      double first = scale(f.firstInvokeMs(), coldMax, COLD_WIDTH);
      svg.append(bar(COLD_X, y + 6, init, 18, "#1c7ed6"));
      svg.append(bar(COLD_X + init, y + 6, first, 18, "#74c0fc"));
      svg.append(
          text(COLD_X + init + first + 4, y + 19, "start", "", format("%.0f", f.coldTotalMs())));
      if (f.warm() != null) {
        double[] values = {f.warm().p50Ms(), f.warm().p90Ms(), f.warm().p99Ms()};
        for (int i = 0; i < 3; i++) {
          svg.append(
              bar(
                  WARM_X,
                  y + 4 + i * 8,
                  scale(values[i], warmMax, WARM_WIDTH),
                  7,
                  WARM_COLOURS[i]));
        }
        // Past the axis' end the label would leave the picture.
        double labelX =
            Math.min(WARM_X + scale(values[2], warmMax, WARM_WIDTH) + 4, WARM_X + WARM_WIDTH + 8);
        svg.append(text(labelX, y + 19, "start", "", format("p50 %.2f", values[0])));
      }
    }
    return svg.append("</svg>\n").toString();
  }

  private static void axis(StringBuilder svg, int x, int width, double max, int height) {
    int bottom = height - 50;
    for (int tick = 0; tick <= 5; tick++) {
      double tx = x + width * tick / 5.0;
      svg.append(
          format(
              "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>%n",
              tx, TOP, tx, bottom));
      svg.append(text(tx, bottom + 15, "middle", "fill=\"#555\"", trim(max * tick / 5)));
    }
  }

  /** The smallest 1, 2 or 5 times a power of ten not below {@code value}. */
  static double niceMax(double value) {
    double power = Math.pow(10, Math.floor(Math.log10(Math.max(value, 1e-9))));
    for (double step : new double[] {1, 2, 5, 10}) {
      if (step * power >= value) {
        return step * power;
      }
    }
    return 10 * power;
  }

  private static double scale(double value, double max, int width) {
    return Math.max(0, value) / max * width;
  }

  private static String bar(double x, double y, double width, double height, String colour) {
    return format(
        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>%n",
        x, y, width, height, colour);
  }

  private static String legend(int x, int y, String colour, String label) {
    return bar(x, y - 9, 10, 10, colour) + text(x + 14, y, "start", "", label);
  }

  private static String text(double x, double y, String anchor, String attributes, String content) {
    return format(
        "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" %s>%s</text>%n",
        x,
        y,
        anchor,
        attributes,
        content.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
  }

  private static String trim(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : format("%.2f", value);
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
