package dev.catalog.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catalog.local.console.LocalApiException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One local system per {@code -Dlocal.data} folder: a second one is refused before it starts anything, naming the
 * folder and the process that holds it; the folder is free again once that system stops, or once its process dies.
 */
class DataFolderLockTest {
  static LocalOptions options(Path data) {
    return new LocalOptions(LocalOptions.DEFAULT_TEMPLATE, 0, data, null, 0, false, null, null);
  }

  @Test
  void
      aSecondLocalSystemOnTheSameFolderIsRefusedNamingTheFolderAndTheProcessAndANewOneStartsOnceTheFirstStopped(
          @TempDir Path data) {
    String pid = Long.toString(ProcessHandle.current().pid());
    try (LocalServices first = LocalServices.start(options(data), new CapturedConsole().stream())) {
      CapturedConsole out = new CapturedConsole();
      CapturedConsole err = new CapturedConsole();

      assertNull(
          LocalMain.start(options(data), out.stream(), err.stream()), "a second system started");

      assertEquals("", out.text());
      String line = err.text().strip();
      assertTrue(
          line.startsWith(
              "local: The data folder "
                  + data
                  + " (-Dlocal.data) is in use by another local API,"
                  + " process "
                  + pid
                  + " ("),
          line);
      assertTrue(line.endsWith("): stop it first, or give this one another folder"), line);
      assertEquals(
          200,
          Requests.send(Requests.to(first.api(), "/products")).statusCode(),
          "the first one serves on");
    }

    assertEquals("", read(data), "released on stop");
    try (LocalServices next = LocalServices.start(options(data), new CapturedConsole().stream())) {
      assertEquals(200, Requests.send(Requests.to(next.api(), "/products")).statusCode());
    }
  }

  @Test
  void anotherProcessOnTheFolderIsNamedAndOnceItIsKilledItsStaleFileDoesNotBlockTheNextRun(
      @TempDir Path data) throws Exception {
    try (LocalProcess other =
        LocalProcess.start("port=0", "local.data=" + data, "local.warm=false")) {
      other.awaitReady();

      LocalApiException refused =
          assertThrows(
              LocalApiException.class,
              () -> LocalServices.start(options(data), new CapturedConsole().stream()).close());
      assertTrue(
          refused
              .getMessage()
              .contains(
                  "The data folder "
                      + data
                      + " (-Dlocal.data) is in use by another"
                      + " local API, process "
                      + other.pid()
                      + " ("),
          refused.getMessage());

      other.kill();
      assertEquals(Long.toString(other.pid()), read(data), "a crashed run leaves its file behind");
    }

    // The file is not read while this JVM holds it: closing any descriptor of it would release this
    // JVM's lock.
    try (LocalServices next = LocalServices.start(options(data), new CapturedConsole().stream())) {
      assertNotNull(next);
      try (LocalProcess late = LocalProcess.start("port=0", "local.data=" + data)) {
        assertEquals(1, late.awaitExit(LocalProcess.START));
        assertTrue(
            late.err().stream()
                .anyMatch(
                    line ->
                        line.startsWith(
                            "local: The data folder "
                                + data
                                + " (-Dlocal.data) is in use by another local API, process "
                                + ProcessHandle.current().pid()
                                + " (")),
            late.err()::toString);
      }
    }
  }

  private static String read(Path data) {
    try {
      return Files.readString(data.resolve(DataFolderLock.FILE)).strip();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
