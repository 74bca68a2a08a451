package dev.catalog.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.kernel.Environment;
import dev.catalog.local.events.sns.MessageAttribute;
import dev.catalog.local.events.sns.PublishedMessage;
import dev.catalog.testing.DynamoDbLocal;
import dev.catalog.testing.MotoServer;
import dev.catalog.testing.SnsFaults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * An SNS the product events function publishes to in {@link ProductEventsHandlerTest}, behind {@link SnsFaults}: the
 * local SNS endpoint the test extension serves (the template's topic, the function's identity and policy), always
 * there; or moto's server, an implementation nobody here wrote, when it is installed.
 *
 * <p>What the function published is read back per {@link Subscriber}. Moto delivers it to SQS queues subscribed to
 * the topic, with filter policies where a subscriber has one, so SNS's own filtering is part of what is proven there.
 * The local endpoint delivers to no one: it keeps every message, and a filtered subscriber's messages are those whose
 * attribute has the filter's value, so there the attributes are proven, not the filtering.
 *
 * <p>Not {@link AutoCloseable}: a parameterized test closes such arguments after each case, and a target serves the
 * whole class ({@link #stop()}).
 */
abstract class SnsTarget {
  static final ObjectMapper JSON = new ObjectMapper();

  /** Who reads the topic: everything, or the messages a filter policy on one attribute lets through. */
  enum Subscriber {
    EVERYTHING(null, null),
    LOW_STOCK("eventType", "low-stock"),
    LIGHTING("category", "lighting");

    final String attribute;
    final String value;

    Subscriber(String attribute, String value) {
      this.attribute = attribute;
      this.value = value;
    }

    /** The SNS filter policy, or null for none. */
    String filterPolicy() {
      return attribute == null ? null : "{\"" + attribute + "\":[\"" + value + "\"]}";
    }
  }

  /** A message as a subscriber receives it: subject, body and attributes (name → type and value). */
  record Notification(String subject, String message, Map<String, Attribute> attributes) {
    /** The attribute's value, or null when the message has none of that name. */
    String attribute(String name) {
      Attribute attribute = attributes.get(name);
      return attribute == null ? null : attribute.value();
    }

    /** The attribute's data type, e.g. {@code Number}. */
    String type(String name) {
      return attributes.get(name).type();
    }

    JsonNode body() {
      try {
        return JSON.readTree(message);
      } catch (IOException e) {
        throw new UncheckedIOException(message, e);
      }
    }
  }

  record Attribute(String type, String value) {}

  private final String name;
  SnsFaults faults;
  private ProductEventsHandler handler;

  SnsTarget(String name) {
    this.name = name;
  }

  /** The function's environment, as the template's function has it, publishing through {@link #faults()}. */
  abstract Map<String, String> environment();

  /** The messages {@code subscriber} received since the last call, in the order published. */
  abstract List<Notification> received(Subscriber subscriber);

  /** The function as Lambda creates it: through the no-argument constructor, from {@link #environment()}. */
  ProductEventsHandler handler() {
    if (handler == null) {
      Environment.use(environment());
      try {
        handler = new ProductEventsHandler();
      } finally {
        Environment.use(System.getenv());
      }
    }
    return handler;
  }

  /** The fault proxy in front of this SNS. */
  SnsFaults faults() {
    return faults;
  }

  /** Before a test: no faults, counts at 0, and every subscriber's messages so far read. */
  void reset() {
    faults.reset();
    for (Subscriber subscriber : Subscriber.values()) {
      received(subscriber);
    }
  }

  /** Stops what the target started. */
  void stop() {
    if (faults != null) {
      faults.close();
    }
  }

  @Override
  public String toString() {
    return name;
  }

  /** The local SNS endpoint of {@link DynamoDbLocal}: the template's topic, its policy enforced and recorded. */
  static final class Local extends SnsTarget {
    static final String FUNCTION = "ProductEventsFunction";
    private final DynamoDbLocal dynamo;
    private final Map<Subscriber, Integer> seen = new EnumMap<>(Subscriber.class);

    Local(DynamoDbLocal dynamo) {
      super("local SNS endpoint");
      this.dynamo = dynamo;
      faults = SnsFaults.inFrontOf(dynamo.sns().url());
    }

    @Override
    Map<String, String> environment() {
      Map<String, String> environment = new LinkedHashMap<>(dynamo.environment(FUNCTION));
      environment.put("SNS_ENDPOINT", faults.endpoint().toString());
      environment.put("LOW_STOCK_THRESHOLD", Integer.toString(ProductEventsHandlerTest.THRESHOLD));
      return environment;
    }

    @Override
    List<Notification> received(Subscriber subscriber) {
      List<PublishedMessage> all = dynamo.sns().messages("ProductEventsTopic");
      int from = seen.getOrDefault(subscriber, 0);
      seen.put(subscriber, all.size());
      List<Notification> received = new ArrayList<>();
      for (PublishedMessage message : all.subList(from, all.size())) {
        if (subscriber.attribute == null
            || subscriber.value.equals(message.attribute(subscriber.attribute))) {
          Map<String, Attribute> attributes = new LinkedHashMap<>();
          for (Map.Entry<String, MessageAttribute> attribute : message.attributes().entrySet()) {
            attributes.put(
                attribute.getKey(),
                new Attribute(attribute.getValue().dataType(), attribute.getValue().value()));
          }
          received.add(new Notification(message.subject(), message.message(), attributes));
        }
      }
      return received;
    }
  }

  /** moto's server, started on first use; a test using it is skipped when moto is not installed. */
  static final class Moto extends SnsTarget {
    private MotoServer moto;
    private SnsClient sns;
    private SqsClient sqs;
    private String topicArn;
    private final Map<Subscriber, String> queues = new EnumMap<>(Subscriber.class);

    Moto() {
      super("moto");
    }

    /** Starts moto, its topic and a queue per subscriber, unless started; skips the calling test without moto. */
    Moto started() {
      if (moto == null) {
        moto = MotoServer.start();
        faults = SnsFaults.inFrontOf(moto.endpoint());
        sns = moto.sns();
        sqs = moto.sqs();
        topicArn = sns.createTopic(r -> r.name("product-events")).topicArn();
        for (Subscriber subscriber : Subscriber.values()) {
          queues.put(
              subscriber,
              subscribedQueue(subscriber.name().toLowerCase(), subscriber.filterPolicy()));
        }
      }
      return this;
    }

    private String subscribedQueue(String name, String filterPolicy) {
      String url = sqs.createQueue(r -> r.queueName(name)).queueUrl();
      String arn =
          sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
              .attributes()
              .get(QueueAttributeName.QUEUE_ARN);
      sns.subscribe(
          r ->
              r.topicArn(topicArn)
                  .protocol("sqs")
                  .endpoint(arn)
                  .attributes(
                      filterPolicy == null ? Map.of() : Map.of("FilterPolicy", filterPolicy)));
      return url;
    }

    @Override
    Map<String, String> environment() {
      return Map.of(
          "AWS_REGION",
          MotoServer.REGION,
          "AWS_ACCESS_KEY_ID",
          MotoServer.ACCESS_KEY,
          "AWS_SECRET_ACCESS_KEY",
          MotoServer.ACCESS_KEY,
          "SNS_ENDPOINT",
          faults.endpoint().toString(),
          "PRODUCT_EVENTS_TOPIC_ARN",
          topicArn,
          "LOW_STOCK_THRESHOLD",
          Integer.toString(ProductEventsHandlerTest.THRESHOLD));
    }

    /** The SNS notifications the subscriber's queue holds, in the order published; removes them. */
    @Override
    List<Notification> received(Subscriber subscriber) {
      String queue = queues.get(subscriber);
      List<Notification> notifications = new ArrayList<>();
      while (true) {
        List<Message> messages =
            sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10)).messages();
        if (messages.isEmpty()) {
          return notifications;
        }
        for (Message message : messages) {
          notifications.add(notification(message.body()));
          sqs.deleteMessage(r -> r.queueUrl(queue).receiptHandle(message.receiptHandle()));
        }
      }
    }

    private static Notification notification(String body) {
      JsonNode envelope;
      try {
        envelope = JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(body, e);
      }
      Map<String, Attribute> attributes = new LinkedHashMap<>();
      envelope
          .path("MessageAttributes")
          .properties()
          .forEach(
              attribute ->
                  attributes.put(
                      attribute.getKey(),
                      new Attribute(
                          attribute.getValue().get("Type").asText(),
                          attribute.getValue().get("Value").asText())));
      JsonNode subject = envelope.get("Subject");
      return new Notification(
          subject == null || subject.isNull() ? null : subject.asText(),
          envelope.get("Message").asText(),
          attributes);
    }

    @Override
    void stop() {
      super.stop();
      if (moto != null) {
        sns.close();
        sqs.close();
        moto.close();
      }
    }
  }
}
