package dev.catalog.local.events.websocket;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.local.CapturedConsole;
import dev.catalog.local.fixtures.SocketEventsHandler;
import dev.catalog.template.SamTemplate;
import dev.catalog.testing.TemplateFixtures;
import dev.catalog.testing.WebSocketClient;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * How connections end, as API Gateway ends them, and that {@code $disconnect} runs once for each, whatever ended it:
 * the client's close, a dropped TCP connection, a message over 128 KB (1009) or a binary one (1003), each after the
 * replies to the messages before it, the idle timeout and the maximum lifetime (1001), both configured short here.
 */
class ConnectionLifecycleTest {
  static final SamTemplate TEMPLATE = SamTemplate.load(TemplateFixtures.path("websocket.yaml"));
  static final ObjectMapper JSON = new ObjectMapper();

  static LocalWebSocketApi start(CapturedConsole console, Duration idle, Duration life) {
    return LocalWebSocketApi.builder(TEMPLATE, TEMPLATE.resolver().build())
        .environment(id -> Map.of())
        .port(0)
        .console(console.stream())
        .accessLog(true)
        .idleTimeout(idle)
        .maxLifetime(life)
        .start();
  }

  static LocalWebSocketApi start(CapturedConsole console) {
    return start(console, Duration.ofMinutes(10), Duration.ofHours(2));
  }

  /** A connected client and its id, from the route's answer. */
  static String idOf(WebSocketClient client) throws Exception {
    client.send("{\"action\":\"echo\"}");
    return JSON.readTree(client.next()).path("connectionId").asText();
  }

  static JsonNode disconnectOf(SocketEvents events, String connectionId)
      throws InterruptedException {
    return events.await(
        SocketEventsHandler.LOG_PREFIX,
        event ->
            event.path("requestContext").path("eventType").asText().equals("DISCONNECT")
                && event.path("requestContext").path("connectionId").asText().equals(connectionId));
  }

  static long disconnects(SocketEvents events, String connectionId) {
    return events.all(SocketEventsHandler.LOG_PREFIX).stream()
        .filter(
            event ->
                event.path("requestContext").path("eventType").asText().equals("DISCONNECT")
                    && event
                        .path("requestContext")
                        .path("connectionId")
                        .asText()
                        .equals(connectionId))
        .count();
  }

  @Test
  void aClientsCloseRunsDisconnectOnceWithItsStatusTheConnectionIsGoneAndEachRouteHasItsAccessLine()
      throws Exception {
    CapturedConsole console = new CapturedConsole();
    SocketEvents events = new SocketEvents(console);
    try (LocalWebSocketApi ws = start(console)) {
      WebSocketClient client = WebSocketClient.open(URI.create(ws.url() + "/?token=allow"));
      String id = idOf(client);
      assertTrue(ws.connections().ids().contains(id));
      client.close();
      JsonNode disconnect = disconnectOf(events, id);
      assertEquals("$disconnect", disconnect.path("requestContext").path("routeKey").asText());
      assertEquals(1000, disconnect.path("requestContext").path("disconnectStatusCode").asInt());
      assertEquals(
          "user-1",
          disconnect.path("requestContext").path("authorizer").path("principalId").asText());
      assertFalse(ws.connections().ids().contains(id));
      assertEquals(1, disconnects(events, id));
      // The access line follows the invocation it describes, so it may come a moment after the
      // event.
      List<String> access = List.of();
      for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
          access.size() < 3 && System.nanoTime() < deadline;
          Thread.sleep(10)) {
        access =
            console.lines().stream()
                .filter(line -> line.startsWith("[local WebSocket API] " + id))
                .map(line -> line.replaceAll(" [0-9.]+ ms ", " _ ms "))
                .toList();
      }
      assertEquals(
          List.of(
              "[local WebSocket API] " + id + " $connect 200 _ ms SocketEventsFunction",
              "[local WebSocket API] " + id + " echo 200 _ ms SocketEventsFunction",
              "[local WebSocket API] " + id + " $disconnect 200 _ ms SocketEventsFunction"),
          access);
    }
  }

  @Test
  void stoppingTheApiEndsEachOpenConnectionWith1001AndItsDisconnectHasReturnedWhenCloseReturns()
      throws Exception {
    CapturedConsole console = new CapturedConsole();
    SocketEvents events = new SocketEvents(console);
    WebSocketClient client;
    String id;
    try (LocalWebSocketApi ws = start(console)) {
      client = WebSocketClient.open(URI.create(ws.url() + "/?token=allow"));
      id = idOf(client);
    }
    assertEquals(
        1001,
        disconnects(events, id) == 1
            ? disconnectOf(events, id).path("requestContext").path("disconnectStatusCode").asInt()
            : -1,
        console::text);
    assertTrue(
        console.lines().stream()
            .anyMatch(line -> line.startsWith("[local WebSocket API] " + id + " $disconnect 200 ")),
        console::text);
    assertEquals(1001, client.closed().get(10, TimeUnit.SECONDS));
  }

  @Test
  void aDroppedTcpConnectionWithoutCloseFrameRunsDisconnect() throws Exception {
    CapturedConsole console = new CapturedConsole();
    SocketEvents events = new SocketEvents(console);
    try (LocalWebSocketApi ws = start(console);
        Socket socket = new Socket("127.0.0.1", ws.port())) {
      socket
          .getOutputStream()
          .write(
              ("GET /?token=allow&marker=dropped HTTP/1.1\r\nHost: localhost\r\n"
                      + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                      + "Sec-WebSocket-Version: 13\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      assertTrue(head(socket.getInputStream()).startsWith("HTTP/1.1 101"));
      JsonNode connect =
          events.await(
              SocketEventsHandler.LOG_PREFIX,
              event ->
                  event.path("queryStringParameters").path("marker").asText().equals("dropped"));
      String id = connect.path("requestContext").path("connectionId").asText();
      awaitOpen(ws, id);
      socket.setSoLinger(true, 0);
      socket.close();
      assertEquals(
          1006,
          disconnectOf(events, id).path("requestContext").path("disconnectStatusCode").asInt());
      assertFalse(ws.connections().ids().contains(id));
    }
  }

  @Test
  void aMessageOver128KbClosesTheConnectionWith1009AndOneOf128KbIsRouted() throws Exception {
    CapturedConsole console = new CapturedConsole();
    SocketEvents events = new SocketEvents(console);
    try (LocalWebSocketApi ws = start(console);
        WebSocketClient client = WebSocketClient.open(URI.create(ws.url() + "/?token=allow"))) {
      String id = idOf(client);
      String largest = "{\"action\":\"echo\",\"pad\":\"" + "x".repeat(128 * 1024 - 26) + "\"}";
      assertEquals(128 * 1024, largest.length());
      client.send(largest);
      assertEquals(largest, JSON.readTree(client.next()).path("body").asText());
      client.send(largest.replace("{\"action\"", "{ \"action\""));
      assertEquals(1009, client.closed().get(10, TimeUnit.SECONDS));
      assertEquals(
          1009,
          disconnectOf(events, id).path("requestContext").path("disconnectStatusCode").asInt());
    }
  }

  @Test
  void aMessageOver128KbSentWhileAnEarlierOneRunsIsReadWholeThenClosedWith1009AfterTheEarlierReply()
      throws Exception {
    CapturedConsole console = new CapturedConsole();
    SocketEvents events = new SocketEvents(console);
    // 4 MB: the client is still sending it when the server has read 128 KB of it, and a connection
    // closed with
    // unread data is reset, which loses what the client had not read yet.
    String oversized = "{\"action\":\"echo\",\"pad\":\"" + "x".repeat(4 * 1024 * 1024) + "\"}";
    try (LocalWebSocketApi ws = start(console)) {
      // A race passes by luck now and then: 50 connections, each sending both at once.
      for (int attempt = 1; attempt <= 50; attempt++) {
        try (WebSocketClient client =
            WebSocketClient.open(URI.create(ws.url() + "/?token=allow"))) {
          // Its function takes 20 ms, as one calling DynamoDB does: the large message comes in
          // meanwhile.
          String first = "{\"action\":\"echo\",\"sleepMillis\":20,\"attempt\":" + attempt + "}";
          client.send(first);
          String attemptNo = "attempt " + attempt;
          assertDoesNotThrow(
              () -> client.send(oversized), attemptNo + ": the client may send its whole message");
          String reply = client.next();
          assertEquals(
              first, reply == null ? null : JSON.readTree(reply).path("body").asText(), attemptNo);
          assertEquals(1009, client.closed().get(10, TimeUnit.SECONDS), attemptNo);
          assertEquals("Message too big", client.closeReason(), attemptNo);
          String id = JSON.readTree(reply).path("connectionId").asText();
          assertEquals(
              1009,
              disconnectOf(events, id).path("requestContext").path("disconnectStatusCode").asInt(),
              attemptNo);
        }
      }
    }
  }

  @Test
  void aBinaryMessageOfMegabytesIsReadWholeThenClosedWith1003AfterTheReplyToTheMessageBefore()
      throws Exception {
    CapturedConsole console = new CapturedConsole();
    SocketEvents events = new SocketEvents(console);
    byte[] binary = new byte[4 * 1024 * 1024];
    try (LocalWebSocketApi ws = start(console)) {
      for (int attempt = 1; attempt <= 10; attempt++) {
        try (WebSocketClient client =
            WebSocketClient.open(URI.create(ws.url() + "/?token=allow"))) {
          String first = "{\"action\":\"echo\",\"sleepMillis\":20,\"attempt\":" + attempt + "}";
          client.send(first);
          String attemptNo = "attempt " + attempt;
          assertDoesNotThrow(
              () -> client.sendBinary(binary),
              attemptNo + ": the client may send its whole message");
          String reply = client.next();
          assertEquals(
              first, reply == null ? null : JSON.readTree(reply).path("body").asText(), attemptNo);
          assertEquals(1003, client.closed().get(10, TimeUnit.SECONDS), attemptNo);
          String id = JSON.readTree(reply).path("connectionId").asText();
          assertEquals(
              1003,
              disconnectOf(events, id).path("requestContext").path("disconnectStatusCode").asInt(),
              attemptNo);
        }
      }
    }
  }

  @Test
  void anIdleConnectionIsClosedWith1001AfterTheIdleTimeout() throws Exception {
    CapturedConsole console = new CapturedConsole();
    SocketEvents events = new SocketEvents(console);
    try (LocalWebSocketApi ws = start(console, Duration.ofMillis(500), Duration.ofHours(2));
        WebSocketClient client = WebSocketClient.open(URI.create(ws.url() + "/?token=allow"))) {
      String id = idOf(client);
      assertEquals(1001, client.closed().get(10, TimeUnit.SECONDS));
      assertEquals(
          1001,
          disconnectOf(events, id).path("requestContext").path("disconnectStatusCode").asInt());
    }
  }

  @Test
  void aConnectionIsClosedWith1001AtItsMaximumLifetimeLongBeforeItIsIdle() throws Exception {
    CapturedConsole console = new CapturedConsole();
    SocketEvents events = new SocketEvents(console);
    try (LocalWebSocketApi ws = start(console, Duration.ofMinutes(10), Duration.ofMillis(700));
        WebSocketClient client = WebSocketClient.open(URI.create(ws.url() + "/?token=allow"))) {
      String id = idOf(client);
      assertEquals(1001, client.closed().get(10, TimeUnit.SECONDS));
      assertEquals(
          1001,
          disconnectOf(events, id).path("requestContext").path("disconnectStatusCode").asInt());
      assertEquals(1, disconnects(events, id));
    }
  }

  private static void awaitOpen(LocalWebSocketApi ws, String id) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!ws.connections().ids().contains(id) && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertTrue(ws.connections().ids().contains(id));
  }

  private static String head(InputStream in) throws Exception {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      int next = in.read();
      if (next < 0) {
        break;
      }
      head.write(next);
    }
    return head.toString(StandardCharsets.US_ASCII);
  }
}
