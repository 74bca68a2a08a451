package dev.catalog.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads the comments of template.yaml that the YAML model drops: whether the comment block right above a policy
 * statement's {@code Sid} explains why it is granted though no test exercises it.
 */
final class TemplateGrants {
  /** The words that mark such an explanation. */
  static final String MARK = "not exercised by the tests";

  private final List<String> lines;

  TemplateGrants(Path template) {
    try {
      this.lines = Files.readAllLines(template);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** True when the statement {@code sid} of the function's policy has a comment above it containing {@link #MARK}. */
  boolean explainedAsUnexercised(String function, String sid) {
    int start = lines.indexOf("  " + function + ":");
    if (start < 0) {
      return false;
    }
    for (int i = start + 1; i < lines.size() && !lines.get(i).matches("  [A-Za-z0-9]+:.*"); i++) {
      if (lines.get(i).strip().equals("- Sid: " + sid)) {
        for (int j = i - 1; j > start && lines.get(j).strip().startsWith("#"); j--) {
          if (lines.get(j).toLowerCase(Locale.ROOT).contains(MARK)) {
            return true;
          }
        }
        return false;
      }
    }
    return false;
  }
}
