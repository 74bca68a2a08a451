package dev.catalog.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catalog.local.dynamodb.EmbeddedDynamoDb;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One local system per outside DynamoDB ({@code -Dlocal.dynamodb}), as per data folder: a second one is refused,
 * naming the DynamoDB and the process that holds it; it is free again once that system stops, or once the lease of
 * one that died has lapsed.
 */
class DynamoDbLeaseTest {
  static EmbeddedDynamoDb outside;
  static DynamoDbClient admin;

  @BeforeAll
  static void start() {
    outside = EmbeddedDynamoDb.start();
    admin = outside.newClient();
  }

  @AfterAll
  static void stop() {
    admin.close();
    outside.close();
  }

  static LocalOptions options() {
    return new LocalOptions(
        LocalOptions.DEFAULT_TEMPLATE,
        0,
        null,
        null,
        0,
        false,
        null,
        null,
        true,
        outside.endpoint());
  }

  @Test
  void
      aSecondLocalSystemOnTheSameOutsideDynamoDbIsRefusedNamingItAndTheProcessAndANewOneStartsOnceTheFirstStopped() {
    try (LocalServices first = LocalServices.start(options(), new CapturedConsole().stream())) {
      CapturedConsole err = new CapturedConsole();

      assertNull(
          LocalMain.start(options(), new CapturedConsole().stream(), err.stream()),
          "a second system started");

      String line = err.text().strip();
      assertTrue(
          line.startsWith(
              "local: The DynamoDB at "
                  + outside.endpoint()
                  + " (-Dlocal.dynamodb) is in use by"
                  + " another local API, process "
                  + ProcessHandle.current().pid()
                  + " on "),
          line);
      assertTrue(line.endsWith("): stop it first, or give this one another DynamoDB"), line);
      assertEquals(
          200,
          Requests.send(Requests.to(first.api(), "/products")).statusCode(),
          "the first one serves on");
    }

    try (LocalServices next = LocalServices.start(options(), new CapturedConsole().stream())) {
      assertEquals(200, Requests.send(Requests.to(next.api(), "/products")).statusCode());
    }
  }

  @Test
  void theLeaseOfASystemThatDiedBlocksTheNextRunOnlyUntilItLapses() {
    lease("process 1 on elsewhere", System.currentTimeMillis() + 60_000);
    CapturedConsole err = new CapturedConsole();

    assertNull(
        LocalMain.start(options(), new CapturedConsole().stream(), err.stream()),
        "started on a live lease");
    assertTrue(
        err.text().contains("is in use by another local API, process 1 on elsewhere (its lease"),
        err::text);

    lease("process 1 on elsewhere", System.currentTimeMillis() - 1);
    try (LocalServices next = LocalServices.start(options(), new CapturedConsole().stream())) {
      assertNotNull(next);
    }
  }

  /** A lease as a run that was killed leaves it behind. */
  private static void lease(String holder, long expiresAt) {
    DynamoDbLease.createTable(admin); // as any run before leaves it
    admin.putItem(
        request ->
            request
                .tableName(DynamoDbLease.TABLE)
                .item(
                    Map.of(
                        DynamoDbLease.KEY,
                        AttributeValue.fromS(LocalServices.TABLE_SUFFIX),
                        "holder",
                        AttributeValue.fromS(holder),
                        "expiresAt",
                        AttributeValue.fromN(Long.toString(expiresAt)))));
  }
}
