package dev.catalog.local.dashboard;

import dev.catalog.testing.ExternalTool;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.remote.RemoteWebDriver;

/**
 * Debian's headless Chromium, driven over WebDriver by Debian's chromedriver, which this class starts itself: Selenium
 * only speaks the protocol to it ({@link RemoteWebDriver}), so Selenium Manager never runs and nothing is downloaded.
 * Paths: {@code -Dbrowser.chromium} and {@code -Dbrowser.chromedriver}, by default {@code /usr/bin/chromium} and
 * {@code /usr/bin/chromedriver} (packages {@code chromium} and {@code chromium-driver}, which {@code .ci/run}
 * installs when they are missing). Without them, {@link ExternalTool#CHROMIUM} skips the tests that need the browser,
 * or fails them under CI.
 */
public final class HeadlessChromium implements AutoCloseable {
  static final List<String> ARGUMENTS =
      List.of(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--disable-dev-shm-usage",
          "--window-size=1280,900");

  static {
    // Selenium would otherwise trace every WebDriver command with OpenTelemetry, and say so on the
    // console.
    System.setProperty("webdriver.remote.enableTracing", "false");
  }

  private final Process driverProcess;
  private final WebDriver driver;

  private HeadlessChromium(Process driverProcess, WebDriver driver) {
    this.driverProcess = driverProcess;
    this.driver = driver;
  }

  /**
   * Starts the browser. It must be installed: a test class that needs it registers {@link ExternalTool#CHROMIUM},
   * which skips its tests without it (fails them under CI), and starts the browser only when it is installed.
   */
  public static HeadlessChromium start() throws IOException, InterruptedException {
    return start(ExternalTool.CHROMIUM.program(0), ExternalTool.CHROMIUM.program(1));
  }

  private static HeadlessChromium start(Path chromium, Path chromedriver)
      throws IOException, InterruptedException {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    Path log = Files.createTempFile("chromedriver", ".log");
    Process process =
        new ProcessBuilder(chromedriver.toString(), "--port=" + port, "--allowed-ips=127.0.0.1")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      awaitPort(port, process, log);
      ChromeOptions options = new ChromeOptions();
      options.setBinary(chromium.toFile());
      options.addArguments(ARGUMENTS);
      // The page's console, for the tests to find script errors and Content-Security-Policy
      // violations in.
      LoggingPreferences logs = new LoggingPreferences();
      logs.enable(LogType.BROWSER, Level.ALL);
      options.setCapability("goog:loggingPrefs", logs);
      RemoteWebDriver driver =
          new RemoteWebDriver(URI.create("http://127.0.0.1:" + port).toURL(), options);
      driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
      return new HeadlessChromium(process, driver);
    } catch (RuntimeException | IOException | InterruptedException e) {
      process.destroyForcibly();
      throw e;
    }
  }

  public WebDriver driver() {
    return driver;
  }

  /** The page's console errors since the last call (a failed WebSocket connection among them). */
  public List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      driverProcess.destroy();
      try {
        if (!driverProcess.waitFor(5, TimeUnit.SECONDS)) {
          driverProcess.destroyForcibly();
        }
      } catch (InterruptedException stopping) {
        driverProcess.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void awaitPort(int port, Process process, Path log)
      throws IOException, InterruptedException {
    for (int i = 0; i < 200; i++) {
      if (!process.isAlive()) {
        throw new IOException("chromedriver exited: " + Files.readString(log));
      }
      try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
        if (probe.isConnected()) {
          return;
        }
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    throw new IOException(
        "chromedriver did not listen on port " + port + ": " + Files.readString(log));
  }
}
