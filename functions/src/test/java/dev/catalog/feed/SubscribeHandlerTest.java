package dev.catalog.feed;

import static dev.catalog.feed.FeedReplies.assertError;
import static dev.catalog.feed.FeedReplies.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.catalog.feed.connections.Topic;
import dev.catalog.testing.DynamoDbLocal;
import dev.catalog.testing.WebSocketEvents;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code subscribe}, invoked in-process with its event's JSON as Lambda does, on DynamoDB Local under its policy. */
class SubscribeHandlerTest {
  @RegisterExtension static final DynamoDbLocal DYNAMO = new DynamoDbLocal();
  static final FeedFunctions FEED = new FeedFunctions(DYNAMO);
  static final Instant CONNECTED = Instant.now();

  static String connected() {
    String id = UUID.randomUUID().toString().substring(0, 18) + "=";
    // A principal of its own: the test class opens more connections than one principal may hold.
    assertEquals(
        200,
        WebSocketEvents.connect(id, CONNECTED)
            .principal("sub-" + id)
            .invoke(FEED.connect())
            .statusCode());
    return id;
  }

  static WebSocketEvents.Reply send(String id, String body) {
    return WebSocketEvents.message("subscribe", id, CONNECTED, body).invoke(FEED.subscribe());
  }

  @Test
  void subscribeAddsTheCategoriesNormalizedAsTheRestApiNormalizesThemAndAcknowledgesThemAsStored() {
    String id = connected();
    var reply =
        send(id, "{\"action\":\"subscribe\",\"categories\":[\" cafe\u0301\u2007\",\"kitchen\"]}");

    assertEquals(200, reply.statusCode(), reply.body());
    assertEquals(
        "{\"type\":\"subscribed\",\"categories\":[\"caf\u00e9\",\"kitchen\"],\"all\":false}",
        reply.body());
    assertEquals(
        Set.of(Topic.category("caf\u00e9"), Topic.category("kitchen")), FEED.admin().topics(id));
  }

  @Test
  void subscribeToAllProductsAddsTheAllTopicAndKeepsTheOthers() {
    String id = connected();
    send(id, "{\"action\":\"subscribe\",\"categories\":[\"garden\"]}");
    var reply = send(id, "{\"action\":\"subscribe\",\"all\":true}");
    assertEquals("{\"type\":\"subscribed\",\"categories\":[],\"all\":true}", reply.body());
    assertEquals(Set.of(Topic.category("garden"), Topic.all()), FEED.admin().topics(id));
  }

  @Test
  void aMessageSentAsBase64IsReadAsItsUtf8Text() {
    String id = connected();
    String body =
        Base64.getEncoder()
            .encodeToString(
                "{\"action\":\"subscribe\",\"categories\":[\"caf\u00e9\"]}"
                    .getBytes(StandardCharsets.UTF_8));
    var reply =
        WebSocketEvents.message("subscribe", id, CONNECTED, null)
            .base64(body)
            .invoke(FEED.subscribe());
    assertEquals(200, reply.statusCode(), reply.body());
    assertEquals(Set.of(Topic.category("caf\u00e9")), FEED.admin().topics(id));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"action\":\"subscribe\",\"categories\":[\"a\"],\"colour\":null}|colour",
        "{\"action\":\"subscribe\",\"categories\":\"lighting\"}|categories",
        "{\"action\":\"subscribe\",\"categories\":[]}|categories",
        "{\"action\":\"subscribe\",\"categories\":[\"ok\",7,\" \",\"a\\u0001\"]}|categories[1],categories[2],categories[3]",
        "{\"action\":\"subscribe\",\"categories\":[\"lamp\",\"lamp\u00a0\"]}|categories",
        "{\"action\":\"subscribe\",\"all\":false}|all",
        "{\"action\":\"subscribe\",\"all\":\"true\"}|all",
        "{\"action\":\"subscribe\"}|categories",
        "{\"action\":\"subscribe\",\"categories\":[\"a\"],\"all\":1,\"x\":2}|all,x"
      })
  void aMessageWithBadFieldsIsAValidationErrorListingEveryFailingFieldAndChangesNothing(
      String body, String failing) {
    String id = connected();
    var problem = assertError(400, "validation-failed", send(id, body));
    assertEquals(Set.of(failing.split(",")), fields(problem));
    assertEquals(Set.of(), FEED.admin().topics(id));
  }

  @Test
  void moreThanTwentyCategoriesInOneMessageIsAValidationError() {
    String id = connected();
    String categories =
        IntStream.range(0, 21).mapToObj(i -> "\"c" + i + "\"").collect(Collectors.joining(","));
    var problem =
        assertError(
            400,
            "validation-failed",
            send(id, "{\"action\":\"subscribe\",\"categories\":[" + categories + "]}"));
    assertEquals(Set.of("categories"), fields(problem));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"action\":\"subscribe\",|malformed-json",
        "{\"action\":\"subscribe\",\"all\":true,\"all\":true}|malformed-json",
        "[1,2]|not-an-object",
        "{\"action\":\"subscribe\",\"all\":true} {}|malformed-json"
      })
  void malformedJsonIsAnErrorReplyAndChangesNothing(String body, String slug) {
    String id = connected();
    assertError(400, slug, send(id, body));
    assertEquals(Set.of(), FEED.admin().topics(id));
  }

  @Test
  void aMessageOverTheSizeLimitIsA413ErrorReply() {
    String id = connected();
    String padding = " ".repeat(SubscriptionReader.MAX_MESSAGE_BYTES);
    assertError(
        413, "payload-too-large", send(id, "{\"action\":\"subscribe\",\"all\":true}" + padding));
    assertEquals(Set.of(), FEED.admin().topics(id));
  }

  @Test
  void aConnectionHoldsAtMostFiftySubscriptions() {
    String id = connected();
    for (int batch = 0; batch < 2; batch++) {
      int from = batch * 20;
      String categories =
          IntStream.range(from, from + 20)
              .mapToObj(i -> "\"c" + i + "\"")
              .collect(Collectors.joining(","));
      assertEquals(
          200,
          send(id, "{\"action\":\"subscribe\",\"categories\":[" + categories + "]}").statusCode());
    }
    String eleven =
        IntStream.range(40, 51).mapToObj(i -> "\"c" + i + "\"").collect(Collectors.joining(","));
    assertError(
        400,
        "too-many-subscriptions",
        send(id, "{\"action\":\"subscribe\",\"categories\":[" + eleven + "]}"));
    assertEquals(40, FEED.admin().topics(id).size());
    // Subscribing again to topics it holds adds none.
    assertEquals(
        200,
        send(id, "{\"action\":\"subscribe\",\"categories\":[\"c1\",\"c2\"],\"all\":true}")
            .statusCode());
  }

  @Test
  void concurrentSubscribesOnOneConnectionNeverLeaveItWithMoreThanFiftyTopics() throws Exception {
    String id = connected();
    for (int batch = 0; batch < 2; batch++) {
      int from = batch * 20;
      String categories =
          IntStream.range(from, from + 20)
              .mapToObj(i -> "\"held" + i + "\"")
              .collect(Collectors.joining(","));
      assertEquals(
          200,
          send(id, "{\"action\":\"subscribe\",\"categories\":[" + categories + "]}").statusCode());
    }
    // 40 held. API Gateway invokes the route once per message, concurrently: 8 messages of 5 new
    // topics each, every one of which fits on its own (40 + 5), and only two of which fit together.
    // (Many more at once make DynamoDB Local, slow with concurrent transactions on one item, answer
    // later than the SDK's timeouts on a loaded machine.)
    int messages = 8;
    SubscribeHandler handler = FEED.subscribe();
    CountDownLatch start = new CountDownLatch(1);
    List<Future<WebSocketEvents.Reply>> replies = new ArrayList<>();
    try (ExecutorService senders = Executors.newFixedThreadPool(messages)) {
      for (int m = 0; m < messages; m++) {
        int from = m * 5;
        String categories =
            IntStream.range(from, from + 5)
                .mapToObj(i -> "\"t" + i + "\"")
                .collect(Collectors.joining(","));
        replies.add(
            senders.submit(
                () -> {
                  start.await();
                  return WebSocketEvents.message(
                          "subscribe",
                          id,
                          CONNECTED,
                          "{\"action\":\"subscribe\",\"categories\":[" + categories + "]}")
                      .invoke(handler);
                }));
      }
      start.countDown();
    }
    int acknowledged = 0;
    for (Future<WebSocketEvents.Reply> future : replies) {
      WebSocketEvents.Reply reply = future.get();
      if (reply.statusCode() == 200) {
        acknowledged++;
      } else {
        assertError(400, "too-many-subscriptions", reply);
      }
    }

    Set<Topic> held = FEED.admin().topics(id);
    assertEquals(50, held.size(), "topics held");
    assertEquals(2, acknowledged, "messages acknowledged: 5 topics each");
    assertEquals(
        held.stream().map(Topic::key).collect(Collectors.toSet()),
        FEED.admin().connection(id).getTopics(),
        "the connection's bookkeeping lists exactly the subscriptions it holds");
  }

  @Test
  void aSubscribeOnAConnectionThatIsNotRecordedIs404AndWritesNothing() {
    String id = "never-connected=";
    assertError(404, "not-found", send(id, "{\"action\":\"subscribe\",\"all\":true}"));
    assertEquals(Set.of(), FEED.admin().topics(id));
  }
}
