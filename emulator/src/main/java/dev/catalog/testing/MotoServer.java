package dev.catalog.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * moto's server ({@code moto_server}, a Python implementation of AWS's APIs nobody here wrote) on a free loopback
 * port, as a second implementation of the SNS protocol our functions speak. {@code -Dmoto.server=PATH} names the
 * program when it is not on the PATH. Without it, the calling test is skipped, or fails under CI
 * ({@link ExternalTool#MOTO}); a program that is there but does not start fails the test.
 */
public final class MotoServer implements AutoCloseable {
  public static final String REGION = "us-east-1";
  public static final String ACCESS_KEY = "testing";

  private final Process process;
  private final URI endpoint;
  private final Path log;

  private MotoServer(Process process, URI endpoint, Path log) {
    this.process = process;
    this.endpoint = endpoint;
    this.log = log;
  }

  /**
   * Starts a server and waits until it answers (up to 60 s: the first start imports much Python); without moto
   * installed, aborts the calling test ({@link ExternalTool#require()}).
   */
  public static MotoServer start() {
    ExternalTool.MOTO.require();
    try {
      int port;
      try (ServerSocket free = new ServerSocket(0)) {
        port = free.getLocalPort();
      }
      Path log = Files.createTempFile("moto-server", ".log");
      String program = ExternalTool.MOTO.program().toString();
      Process process;
      try {
        process =
            new ProcessBuilder(program, "-H", "127.0.0.1", "-p", Integer.toString(port))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
      } catch (IOException missing) {
        throw new IllegalStateException("Cannot start " + program + ": " + missing, missing);
      }
      MotoServer server = new MotoServer(process, URI.create("http://127.0.0.1:" + port), log);
      server.awaitReady();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitReady() throws IOException {
    HttpClient http = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("moto_server ended: " + Files.readString(log));
      }
      try {
        http.send(
            HttpRequest.newBuilder(endpoint.resolve("/moto-api/"))
                .timeout(Duration.ofSeconds(2))
                .build(),
            HttpResponse.BodyHandlers.discarding());
        return;
      } catch (IOException notYet) {
        sleep();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    close();
    throw new IllegalStateException(
        "moto_server did not answer within 60 s: " + Files.readString(log));
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Where the server listens, e.g. {@code http://127.0.0.1:41234}. */
  public URI endpoint() {
    return endpoint;
  }

  /** An SNS client of this server; the caller closes it. */
  public SnsClient sns() {
    return SnsClient.builder()
        .endpointOverride(endpoint)
        .region(Region.of(REGION))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, ACCESS_KEY)))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  /** An SQS client of this server; the caller closes it. */
  public SqsClient sqs() {
    return SqsClient.builder()
        .endpointOverride(endpoint)
        .region(Region.of(REGION))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, ACCESS_KEY)))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(
          Duration.ofSeconds(10).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
