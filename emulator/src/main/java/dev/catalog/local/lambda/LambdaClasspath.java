package dev.catalog.local.lambda;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a function's class loader sees: what the Lambda zip holds (the application's classes and its runtime
 * dependencies, listed by the build in {@code target/lambda-classpath.txt}), plus the class directory of a handler
 * that lives elsewhere (a test-scope handler in {@code target/test-classes}). Test-scope libraries stay out, as they
 * stay out of the zip, so code that needs one fails locally as it would in Lambda.
 */
final class LambdaClasspath {
  /** Written by maven-dependency-plugin next to {@code target/classes} (see pom.xml). */
  static final String LISTING = "lambda-classpath.txt";

  private LambdaClasspath() {}

  /**
   * @param applicationRoot the class directory (or jar) of the application, e.g. {@code target/classes}
   * @param handlerRoot the class directory (or jar) of the handler
   */
  static List<URL> of(URL applicationRoot, URL handlerRoot) {
    Set<URL> classpath = new LinkedHashSet<>();
    classpath.add(applicationRoot);
    classpath.add(handlerRoot);
    try {
      Path listing = Path.of(applicationRoot.toURI()).resolveSibling(LISTING);
      // Started outside Maven (an IDE) before any build wrote the listing, the host's class path
      // will do.
      String listed =
          Files.isRegularFile(listing)
              ? Files.readString(listing).strip()
              : System.getProperty("java.class.path");
      List<String> entries = List.of(listed.split(File.pathSeparator));
      for (String entry : entries) {
        if (!entry.isBlank()) {
          classpath.add(Path.of(entry).toUri().toURL());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException | IllegalArgumentException e) {
      // The application is not in a directory (a jar in a jar): its own classes and the handler's
      // are all we know.
    }
    return new ArrayList<>(classpath);
  }
}
