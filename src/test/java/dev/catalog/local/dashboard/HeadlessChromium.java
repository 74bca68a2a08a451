package dev.catalog.local.dashboard;

import static org.junit.jupiter.api.Assertions.fail;

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
import org.junit.jupiter.api.Assumptions;
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
 * installs when they are missing).
 *
 * <p>Without them a test that needs the browser fails under CI ({@code CI=true}), so CI never passes by skipping it;
 * elsewhere it is reported skipped, saying what to install.
 */
public final class HeadlessChromium implements AutoCloseable {
  static final List<String> ARGUMENTS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--disable-dev-shm-usage", "--window-size=1280,900");

  static {
    // Selenium would otherwise trace every WebDriver command with OpenTelemetry, and say so on the console.
    System.setProperty("webdriver.remote.enableTracing", "false");
  }

  private final Process driverProcess;
  private final WebDriver driver;

  private HeadlessChromium(Process driverProcess, WebDriver driver) {
    this.driverProcess = driverProcess;
    this.driver = driver;
  }

  /**
   * Starts the browser; when it is not installed, fails under CI, and elsewhere returns null, so that each test
   * reports itself skipped with {@link #assumeStarted}.
   */
  public static HeadlessChromium startUnlessMissing() throws IOException, InterruptedException {
    String missing = missing();
    if (missing == null) {
      return start(chromium(), chromedriver());
    }
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail("Under CI " + missing);
    }
    System.err.println("Skipping the browser tests: " + missing);
    return null;
  }

  /** Skips the calling test, saying what to install, when {@link #startUnlessMissing} found no browser. */
  public static void assumeStarted(HeadlessChromium browser) {
    Assumptions.assumeTrue(browser != null, () -> "Skipping: " + missing());
  }

  private static Path chromium() {
    return Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
  }

  private static Path chromedriver() {
    return Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));
  }

  private static String missing() {
    if (Files.isExecutable(chromium()) && Files.isExecutable(chromedriver())) {
      return null;
    }
    return "the browser test needs Debian's chromium and chromium-driver (" + chromium() + ", " + chromedriver()
        + "): apt-get install chromium chromium-driver, or point -Dbrowser.chromium and -Dbrowser.chromedriver at"
        + " a Chromium and its driver; .ci/run installs them";
  }

  private static HeadlessChromium start(Path chromium, Path chromedriver) throws IOException, InterruptedException {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    Path log = Files.createTempFile("chromedriver", ".log");
    Process process = new ProcessBuilder(chromedriver.toString(), "--port=" + port, "--allowed-ips=127.0.0.1")
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      awaitPort(port, process, log);
      ChromeOptions options = new ChromeOptions();
      options.setBinary(chromium.toFile());
      options.addArguments(ARGUMENTS);
      // The page's console, for the tests to find script errors and Content-Security-Policy violations in.
      LoggingPreferences logs = new LoggingPreferences();
      logs.enable(LogType.BROWSER, Level.ALL);
      options.setCapability("goog:loggingPrefs", logs);
      RemoteWebDriver driver = new RemoteWebDriver(URI.create("http://127.0.0.1:" + port).toURL(), options);
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
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
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

  private static void awaitPort(int port, Process process, Path log) throws IOException, InterruptedException {
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
    throw new IOException("chromedriver did not listen on port " + port + ": " + Files.readString(log));
  }
}
