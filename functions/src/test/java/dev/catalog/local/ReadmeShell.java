package dev.catalog.local;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell examples of the README and the docs, run as a reader runs them: the {@code sh} blocks of a section, each
 * in a bash of its own with {@code set -euo pipefail} (so a variable the page never sets, or a step that fails, stops
 * it), every {@code curl} noting its status, method and URL on stderr. The tools are bash, curl and jq
 * ({@link dev.catalog.testing.ExternalTool#README_SHELL}).
 */
final class ReadmeShell {
  static final Path README = Path.of("README.md");

  /** The page on running locally, whose "Watch changes live" is run too. */
  static final Path LOCAL_PAGE = Path.of("docs", "local.md");

  /** Every curl of a block notes {@code @step <status> <method> <url>} on stderr, where the block's output is not. */
  private static final String PRELUDE =
      """
      set -euo pipefail
      curl() { command curl --write-out '%{stderr}\\n@step %{http_code} %{method} %{url_effective}\\n' "$@"; }
      """;

  private static final Pattern STEP =
      Pattern.compile("^@step (\\d{3}) (\\S+) \\w+://[^/?]+(\\S*)$", Pattern.MULTILINE);

  private ReadmeShell() {}

  /** What a block did: each request as {@code METHOD /path?query status}, and its whole output for messages. */
  record Run(int exitCode, List<String> steps, String stdout, String stderr) {
    String transcript() {
      return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
    }
  }

  /**
   * The {@code sh} blocks of the Markdown file {@code page} written directly under the heading {@code heading} (its
   * text, e.g. {@code "Try it"}), up to the next heading of any level, in order.
   */
  static List<String> blocks(Path page, String heading) {
    List<String> lines;
    try {
      lines = Files.readAllLines(page, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> blocks = new ArrayList<>();
    boolean inSection = false;
    StringBuilder block = null;
    boolean inFence = false;
    for (String line : lines) {
      if (line.startsWith("```")) {
        if (!inFence && inSection && line.equals("```sh")) {
          block = new StringBuilder();
        } else if (inFence && block != null) {
          blocks.add(block.toString());
          block = null;
        }
        inFence = !inFence;
      } else if (inFence) {
        if (block != null) {
          block.append(line).append('\n');
        }
      } else if (line.startsWith("#")) {
        inSection = line.replaceFirst("^#+\\s*", "").equals(heading);
      }
    }
    if (blocks.isEmpty()) {
      fail(page + " has no sh block under a heading \"" + heading + "\"");
    }
    return blocks;
  }

  /**
   * Runs {@code block} with bash in a scratch folder, after {@code definitions} (shell functions standing in for
   * what a test cannot run, e.g. an interactive client), with {@code environment} added.
   */
  static Run run(String block, String definitions, Map<String, String> environment) {
    try {
      Path folder = Files.createTempDirectory("readme-shell");
      Path script = folder.resolve("block.sh");
      Files.writeString(script, PRELUDE + definitions + "\n" + block);
      Path out = folder.resolve("stdout");
      Path err = folder.resolve("stderr");
      ProcessBuilder builder =
          new ProcessBuilder("bash", script.toString())
              .directory(folder.toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      builder.environment().putAll(environment);
      Process process = builder.start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        fail(
            "A shell block of the docs ran for over 2 minutes:\n"
                + block
                + "\n"
                + Files.readString(out)
                + Files.readString(err));
      }
      String stdout = Files.readString(out);
      String stderr = Files.readString(err);
      for (Path file : List.of(script, out, err, folder)) {
        Files.deleteIfExists(file);
      }
      List<String> steps = new ArrayList<>();
      Matcher step = STEP.matcher(stderr);
      while (step.find()) {
        steps.add(step.group(2) + " " + step.group(3) + " " + step.group(1));
      }
      return new Run(process.exitValue(), steps, stdout, stderr);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
