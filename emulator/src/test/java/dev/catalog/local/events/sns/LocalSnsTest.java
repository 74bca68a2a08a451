package dev.catalog.local.events.sns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catalog.local.iam.Authorizer;
import dev.catalog.local.iam.IamCall;
import dev.catalog.template.Intrinsic;
import dev.catalog.template.IntrinsicResolver;
import dev.catalog.template.SamTemplate;
import dev.catalog.testing.TemplateFixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.AuthorizationErrorException;
import software.amazon.awssdk.services.sns.model.BatchEntryIdsNotDistinctException;
import software.amazon.awssdk.services.sns.model.BatchRequestTooLongException;
import software.amazon.awssdk.services.sns.model.EmptyBatchRequestException;
import software.amazon.awssdk.services.sns.model.InvalidBatchEntryIdException;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.InvalidParameterValueException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.SnsException;
import software.amazon.awssdk.services.sns.model.TooManyEntriesInBatchRequestException;

/**
 * The local SNS endpoint through the SDK's own {@code SnsClient}, as a function calls it: the template's topics under
 * the ARNs {@code !Ref} gives them, messages kept with their attributes and printed as one line, SNS's validation of
 * attributes and size, IAM from the template's policies, and SNS's errors.
 */
class LocalSnsTest {
  static final SamTemplate TEMPLATE = SamTemplate.load(TemplateFixtures.path("local-events.yaml"));
  static final IntrinsicResolver RESOLVER = TEMPLATE.resolver().build();
  static final String EVENTS = "arn:aws:sns:us-east-1:123456789012:local-EventsTopic";
  static final String AUDIT = "arn:aws:sns:us-east-1:123456789012:audit-events";
  static final ByteArrayOutputStream CONSOLE = new ByteArrayOutputStream();
  static final List<IamCall> DECISIONS = new CopyOnWriteArrayList<>();
  static LocalSns sns;

  @BeforeAll
  static void start() {
    sns =
        LocalSns.start(
            TemplateTopics.read(TEMPLATE, RESOLVER),
            Authorizer.enforcing(TEMPLATE, RESOLVER, DECISIONS::add),
            "us-east-1",
            "123456789012",
            new PrintStream(CONSOLE, true, StandardCharsets.UTF_8));
  }

  @AfterAll
  static void stop() {
    sns.close();
  }

  @BeforeEach
  void forget() {
    DECISIONS.clear();
  }

  static SnsClient client(String accessKey) {
    return SnsClient.builder()
        .endpointOverride(sns.url())
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, "local")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  static void publish(String accessKey, Consumer<PublishRequest.Builder> request) {
    try (SnsClient client = client(accessKey)) {
      client.publish(request);
    }
  }

  static MessageAttributeValue string(String type, String value) {
    return MessageAttributeValue.builder().dataType(type).stringValue(value).build();
  }

  static int kept() {
    return sns.messages().size();
  }

  @Test
  void topicsHaveTheArnsThatRefResolvesToFromTheirNameOrTopicName() {
    assertEquals(
        EVENTS, RESOLVER.resolveString(new Intrinsic(Intrinsic.REF, "EventsTopic"), "test"));
    assertEquals(AUDIT, RESOLVER.resolveString(new Intrinsic(Intrinsic.REF, "AuditTopic"), "test"));
    assertEquals(
        List.of(EVENTS, AUDIT), List.copyOf(TemplateTopics.read(TEMPLATE, RESOLVER).keySet()));
    assertEquals("audit-events", TemplateTopics.read(TEMPLATE, RESOLVER).get(AUDIT).name());
  }

  @Test
  void aMessagePublishedWithinThePolicyIsKeptWithItsAttributesAndPrintedAsOneLine() {
    String id;
    try (SnsClient client = client("PublisherFunction")) {
      id =
          client
              .publish(
                  request ->
                      request
                          .topicArn(EVENTS)
                          .subject("Created")
                          .message("{\"type\":\"created\",\n\"id\":\"p-1\"}")
                          .messageAttributes(
                              Map.of(
                                  "eventType",
                                  string("String", "created"),
                                  "stock",
                                  string("Number", "-12.5e3"),
                                  "tags",
                                  string("String.Array", "[\"a\", 1, true, null]"),
                                  "digest",
                                  MessageAttributeValue.builder()
                                      .dataType("Binary")
                                      .binaryValue(
                                          SdkBytes.fromByteArray(new byte[] {0, (byte) 0xff}))
                                      .build())))
              .messageId();
    }

    PublishedMessage message = sns.messages("EventsTopic").getLast();
    assertEquals(id, message.messageId());
    assertEquals("PublisherFunction", message.publisher());
    assertEquals("Created", message.subject());
    assertEquals("{\"type\":\"created\",\n\"id\":\"p-1\"}", message.message());
    assertEquals("created", message.attribute("eventType"));
    assertEquals(
        new MessageAttribute("Number", "-12.5e3", null), message.attributes().get("stock"));
    assertEquals("[\"a\", 1, true, null]", message.attribute("tags"));
    assertEquals("AP8=", message.attributes().get("digest").binaryValue());
    String line =
        CONSOLE
            .toString(StandardCharsets.UTF_8)
            .lines()
            .filter(l -> l.contains(id))
            .findFirst()
            .orElseThrow();
    assertTrue(
        line.startsWith("[SNS] EventsTopic " + id + " from PublisherFunction subject Created {"),
        line);
    assertTrue(
        line.contains("eventType=String:created")
            && line.endsWith("{\"type\":\"created\",\\n\"id\":\"p-1\"}"),
        line);
    assertEquals(
        List.of("sns:Publish " + EVENTS + " true"),
        DECISIONS.stream()
            .map(call -> call.action() + " " + call.resource() + " " + call.allowed())
            .toList());
  }

  @Test
  void publishingOutsideThePolicyIsAnAuthorizationErrorNamingRoleActionAndTopicAndKeepsNothing() {
    int before = kept();
    AuthorizationErrorException denied =
        assertThrows(
            AuthorizationErrorException.class,
            () -> publish("AuditorFunction", request -> request.topicArn(EVENTS).message("m")));

    assertEquals(403, denied.statusCode());
    assertEquals(
        "User: arn:aws:sts::123456789012:assumed-role/AuditorFunctionRole/AuditorFunction is not"
            + " authorized to perform: sns:Publish on resource: "
            + EVENTS
            + " because no identity-based policy allows"
            + " the sns:Publish action",
        denied.awsErrorDetails().errorMessage());
    assertEquals(before, kept());
    assertFalse(DECISIONS.getFirst().allowed());
    publish(
        "AuditorFunction",
        request -> request.topicArn(AUDIT).message("allowed by its inline statement"));
    assertEquals(before + 1, kept());
  }

  @Test
  void aTopicThatDoesNotExistIsNotFoundAndAMalformedArnAnInvalidParameter() {
    NotFoundException absent =
        assertThrows(
            NotFoundException.class,
            () ->
                publish(
                    LocalSns.ADMINISTRATOR,
                    request ->
                        request
                            .topicArn("arn:aws:sns:us-east-1:123456789012:no-such-topic")
                            .message("m")));
    assertEquals("NotFound", absent.awsErrorDetails().errorCode());
    assertEquals(404, absent.statusCode());
    InvalidParameterException malformed =
        assertThrows(
            InvalidParameterException.class,
            () ->
                publish(
                    LocalSns.ADMINISTRATOR,
                    request -> request.topicArn("EventsTopic").message("m")));
    assertEquals("Invalid parameter: TopicArn", malformed.awsErrorDetails().errorMessage());
  }

  @Test
  void anAccessKeyThatNamesNoFunctionIsRefused() {
    SnsException refused =
        assertThrows(
            SnsException.class,
            () -> publish("stranger", request -> request.topicArn(EVENTS).message("m")));
    assertEquals("InvalidClientTokenId", refused.awsErrorDetails().errorCode());
    assertEquals(403, refused.statusCode());
  }

  @Test
  void attributesSnsRefusesAreInvalidParametersOrValuesAndNothingIsKept() {
    int before = kept();
    InvalidParameterException type =
        assertThrows(
            InvalidParameterException.class,
            () ->
                publish(
                    "PublisherFunction",
                    request ->
                        request
                            .topicArn(EVENTS)
                            .message("m")
                            .messageAttributes(Map.of("a", string("Text", "x")))));
    assertEquals(
        "The message attribute 'a' has an invalid message attribute type, the set of supported type"
            + " prefixes is Binary, Number, and String.",
        type.awsErrorDetails().errorMessage());
    List<Map<String, MessageAttributeValue>> refused =
        List.of(
            Map.of("AWS.trace", string("String", "x")),
            Map.of("amazon.x", string("String", "x")),
            Map.of("a..b", string("String", "x")),
            Map.of(".a", string("String", "x")),
            Map.of("a b", string("String", "x")),
            Map.of("n".repeat(257), string("String", "x")),
            Map.of("price", string("Number", "twelve")),
            Map.of("price", string("Number", "1e127")),
            Map.of("price", string("Number", "1" + "0".repeat(38) + ".5")),
            Map.of("tags", string("String.Array", "not json")),
            Map.of("tags", string("String.Array", "[{\"nested\": 1}]")),
            Map.of("empty", string("String", "")),
            Map.of("bin", string("Binary", "text where bytes belong")));
    InvalidParameterValueException number =
        assertThrows(
            InvalidParameterValueException.class,
            () ->
                publish(
                    "PublisherFunction",
                    request ->
                        request
                            .topicArn(EVENTS)
                            .message("m")
                            .messageAttributes(Map.of("price", string("Number", "twelve")))));
    assertEquals(
        "Could not cast message attribute 'price' value to number.",
        number.awsErrorDetails().errorMessage());
    for (Map<String, MessageAttributeValue> attributes : refused) {
      InvalidParameterValueException error =
          assertThrows(
              InvalidParameterValueException.class,
              () ->
                  publish(
                      "PublisherFunction",
                      request ->
                          request.topicArn(EVENTS).message("m").messageAttributes(attributes)),
              attributes::toString);
      assertEquals("ParameterValueInvalid", error.awsErrorDetails().errorCode());
      assertEquals(400, error.statusCode());
    }
    assertEquals(before, kept());
  }

  @Test
  void customTypeSuffixesAndSnsNumberRangeAreAccepted() {
    int before = kept();
    publish(
        "PublisherFunction",
        request ->
            request
                .topicArn(EVENTS)
                .message("m")
                .messageAttributes(
                    Map.of(
                        "cents",
                        string("Number.cents", "1999"),
                        "small",
                        string("Number", "1e-128"),
                        "big",
                        string("Number", "-1e126"),
                        "label",
                        string("String.label", "x"))));
    assertEquals(before + 1, kept());
    assertEquals("Number", sns.messages().getLast().attributes().get("cents").baseType());
  }

  @Test
  void theSizeLimitOf256KiBCountsTheBodyAndEveryAttributesNameTypeAndValue() {
    String full = "x".repeat(262_144);
    publish("PublisherFunction", request -> request.topicArn(EVENTS).message(full));
    String almost = "x".repeat(262_144 - "k".length() - "String".length() - "vv".length());
    publish(
        "PublisherFunction",
        request ->
            request
                .topicArn(EVENTS)
                .message(almost)
                .messageAttributes(Map.of("k", string("String", "vv"))));
    int before = kept();

    InvalidParameterException tooLong =
        assertThrows(
            InvalidParameterException.class,
            () ->
                publish(
                    "PublisherFunction",
                    request ->
                        request
                            .topicArn(EVENTS)
                            .message(almost)
                            .messageAttributes(Map.of("k", string("String", "vvv")))));
    assertEquals("Invalid parameter: Message too long", tooLong.awsErrorDetails().errorMessage());
    assertThrows(
        InvalidParameterException.class,
        () ->
            publish("PublisherFunction", request -> request.topicArn(EVENTS).message(full + "é")));
    assertThrows(
        InvalidParameterException.class,
        () -> publish("PublisherFunction", request -> request.topicArn(EVENTS).message("")));
    assertEquals(before, kept());
  }

  @Test
  void publishBatchAnswersEachEntryAndKeepsOnlyTheValidOnesInOrder() {
    int before = kept();
    PublishBatchResponse response;
    try (SnsClient client = client("PublisherFunction")) {
      response =
          client.publishBatch(
              request ->
                  request
                      .topicArn(EVENTS)
                      .publishBatchRequestEntries(
                          PublishBatchRequestEntry.builder()
                              .id("first")
                              .message("one")
                              .messageAttributes(Map.of("category", string("String", "lighting")))
                              .build(),
                          PublishBatchRequestEntry.builder()
                              .id("bad")
                              .message("two")
                              .messageAttributes(Map.of("category", string("Colour", "red")))
                              .build(),
                          PublishBatchRequestEntry.builder().id("third").message("three").build()));
    }

    assertEquals(
        List.of("first", "third"),
        response.successful().stream().map(entry -> entry.id()).toList());
    assertEquals("bad", response.failed().getFirst().id());
    assertEquals("InvalidParameter", response.failed().getFirst().code());
    assertTrue(response.failed().getFirst().senderFault());
    List<PublishedMessage> published = sns.messages().subList(before, kept());
    assertEquals(
        List.of("one", "three"), published.stream().map(PublishedMessage::message).toList());
    assertEquals("lighting", published.getFirst().attribute("category"));
    assertEquals(response.successful().getFirst().messageId(), published.getFirst().messageId());
  }

  @Test
  void publishBatchRefusesNoneOrTooManyEntriesRepeatedOrMalformedIdsAndTooMuchInAllWhole() {
    int before = kept();
    try (SnsClient client = client("PublisherFunction")) {
      assertThrows(
          TooManyEntriesInBatchRequestException.class,
          () ->
              client.publishBatch(
                  request ->
                      request
                          .topicArn(EVENTS)
                          .publishBatchRequestEntries(
                              java.util.stream.IntStream.range(0, 11)
                                  .mapToObj(
                                      n ->
                                          PublishBatchRequestEntry.builder()
                                              .id("e" + n)
                                              .message("m")
                                              .build())
                                  .toList())));
      assertThrows(
          BatchEntryIdsNotDistinctException.class,
          () ->
              client.publishBatch(
                  request ->
                      request
                          .topicArn(EVENTS)
                          .publishBatchRequestEntries(
                              PublishBatchRequestEntry.builder().id("same").message("a").build(),
                              PublishBatchRequestEntry.builder().id("same").message("b").build())));
      assertThrows(
          EmptyBatchRequestException.class,
          () ->
              client.publishBatch(
                  request -> request.topicArn(EVENTS).publishBatchRequestEntries(List.of())));
      assertThrows(
          InvalidBatchEntryIdException.class,
          () ->
              client.publishBatch(
                  request ->
                      request
                          .topicArn(EVENTS)
                          .publishBatchRequestEntries(
                              PublishBatchRequestEntry.builder()
                                  .id("not valid!")
                                  .message("a")
                                  .build())));
      String half = "x".repeat(140_000);
      assertThrows(
          BatchRequestTooLongException.class,
          () ->
              client.publishBatch(
                  request ->
                      request
                          .topicArn(EVENTS)
                          .publishBatchRequestEntries(
                              PublishBatchRequestEntry.builder().id("a").message(half).build(),
                              PublishBatchRequestEntry.builder().id("b").message(half).build())));
      assertThrows(
          AuthorizationErrorException.class,
          () ->
              client.publishBatch(
                  request ->
                      request
                          .topicArn(AUDIT)
                          .publishBatchRequestEntries(
                              PublishBatchRequestEntry.builder().id("a").message("a").build())));
    }
    assertEquals(before, kept());
  }

  @Test
  void theAdministratorListsTheTemplatesTopicsAndCreatesMore() {
    try (SnsClient client = client(LocalSns.ADMINISTRATOR)) {
      assertTrue(
          client.listTopics().topics().stream()
              .map(topic -> topic.topicArn())
              .toList()
              .containsAll(List.of(EVENTS, AUDIT)));
      String created = client.createTopic(request -> request.name("made-later")).topicArn();
      assertEquals("arn:aws:sns:us-east-1:123456789012:made-later", created);
      client.publish(request -> request.topicArn(created).message("to the new topic"));
      assertEquals("to the new topic", sns.messages("made-later").getLast().message());
      assertEquals(
          "Catalog events",
          client
              .getTopicAttributes(request -> request.topicArn(EVENTS))
              .attributes()
              .get("DisplayName"));
    }
    assertThrows(
        AuthorizationErrorException.class,
        () -> {
          try (SnsClient client = client("PublisherFunction")) {
            client.listTopics();
          }
        });
  }
}
