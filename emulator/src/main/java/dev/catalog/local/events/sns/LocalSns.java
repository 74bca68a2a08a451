package dev.catalog.local.events.sns;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.catalog.local.iam.Authorizer;
import dev.catalog.local.iam.IamCall;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SNS on loopback, over the protocol the SDK's {@code SnsClient} speaks (AWS Query: form-encoded {@code Action=...}
 * in, SNS's XML out): {@code Publish}, {@code PublishBatch}, {@code CreateTopic}, {@code ListTopics} and
 * {@code GetTopicAttributes} on the template's topics. Each published message is printed on the console as one line
 * and kept ({@link #messages()}); nothing is delivered to subscribers.
 *
 * <p>The caller is the access key id of the request's SigV4 {@code Authorization} header, a function's logical id,
 * and each call needs its IAM action on the topic ({@code sns:Publish} for both publish actions) from the function's
 * template policy ({@link Authorizer}); {@link #ADMINISTRATOR} is the account's administrator, allowed everything,
 * for tests and tools. Errors are SNS's: {@code NotFound} for an unknown topic, {@code AuthorizationError} outside
 * the policy, {@code InvalidParameter} and {@code ParameterValueInvalid} for what {@link MessageValidation} refuses.
 */
public final class LocalSns implements AutoCloseable {
  /** The access key id of the local account's administrator, to whom no policy applies. */
  public static final String ADMINISTRATOR = "local-administrator";

  private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/,\\s]+)/");
  private static final Pattern TOPIC_ARN =
      Pattern.compile("arn:aws:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,256}");
  private static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9_-]{1,256}");

  private final Map<String, Topic> topics = new ConcurrentHashMap<>();
  private final List<PublishedMessage> messages = new CopyOnWriteArrayList<>();
  private final Authorizer authorizer;
  private final String region;
  private final String accountId;
  private final PrintStream console;
  private final Clock clock = Clock.systemUTC();
  private final HttpServer server;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final PublishBatch batches = new PublishBatch(this);

  private LocalSns(
      Map<String, Topic> topics,
      Authorizer authorizer,
      String region,
      String accountId,
      PrintStream console)
      throws IOException {
    this.topics.putAll(topics);
    this.authorizer = authorizer;
    this.region = region;
    this.accountId = accountId;
    this.console = console;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  /**
   * Serves {@code topics} (by ARN; see {@link TemplateTopics}) on a free loopback port.
   *
   * @param console where each published message is printed, as one line
   */
  public static LocalSns start(
      Map<String, Topic> topics,
      Authorizer authorizer,
      String region,
      String accountId,
      PrintStream console) {
    try {
      return new LocalSns(topics, authorizer, region, accountId, console);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot listen on the loopback interface", e);
    }
  }

  /** What the functions get as {@code SNS_ENDPOINT}, e.g. {@code http://127.0.0.1:41235}. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The topics served: the template's, and any made with CreateTopic since. */
  public Collection<Topic> topics() {
    return List.copyOf(topics.values());
  }

  /** Every message accepted so far, in order. */
  public List<PublishedMessage> messages() {
    return List.copyOf(messages);
  }

  /** The messages published to the topic of this logical id (or name, for one made with CreateTopic), in order. */
  public List<PublishedMessage> messages(String topic) {
    return messages.stream()
        .filter(
            message -> {
              Topic to = topics.get(message.topicArn());
              return to != null && (to.logicalId().equals(topic) || to.name().equals(topic));
            })
        .toList();
  }

  /** Waits until some message matches, up to {@code timeout}; the matching messages then, else an empty list. */
  public List<PublishedMessage> await(Predicate<PublishedMessage> wanted, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (messages) {
      while (true) {
        List<PublishedMessage> found = messages.stream().filter(wanted).toList();
        long left = deadline - System.nanoTime();
        if (!found.isEmpty() || left <= 0) {
          return found;
        }
        messages.wait(Math.max(1, left / 1_000_000));
      }
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    String requestId = UUID.randomUUID().toString();
    // The exchange stays open through the catch clauses below: they answer on it.
    try (exchange) {
      answer(exchange, requestId);
    }
  }

  private void answer(HttpExchange exchange, String requestId) throws IOException {
    try {
      String body;
      try (InputStream in = exchange.getRequestBody()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      String query = exchange.getRequestURI().getRawQuery();
      QueryRequest request =
          QueryRequest.parse(query == null ? body : body.isEmpty() ? query : query + "&" + body);
      String caller = caller(exchange.getRequestHeaders().getFirst("Authorization"));
      if (!ADMINISTRATOR.equals(caller) && !authorizer.knows(caller)) {
        throw new SnsError(
            "InvalidClientTokenId", 403, "The security token included in the request is invalid.");
      }
      String action = request.get("Action").orElse("");
      String result =
          switch (action) {
            case "Publish" -> publish(caller, request);
            case "PublishBatch" -> batches.publish(caller, request);
            case "CreateTopic" -> createTopic(caller, request);
            case "ListTopics" -> listTopics(caller);
            case "GetTopicAttributes" -> topicAttributes(caller, request);
            default ->
                throw new SnsError(
                    "InvalidAction",
                    400,
                    "The action " + action + " is not valid for this web service.");
          };
      send(exchange, 200, SnsXml.response(action, result, requestId), requestId);
    } catch (SnsError error) {
      send(exchange, error.status(), SnsXml.error(error, requestId), requestId);
    } catch (RuntimeException bug) {
      synchronized (console) {
        console.println("[SNS] request " + requestId + " failed in the local endpoint itself");
        bug.printStackTrace(console);
      }
      send(
          exchange,
          500,
          SnsXml.error(new SnsError("InternalError", 500, "Internal error", false), requestId),
          requestId);
    }
  }

  private String publish(String caller, QueryRequest request) {
    String arn = request.get("TopicArn").or(() -> request.get("TargetArn")).orElse(null);
    if (arn == null) {
      throw SnsError.invalidParameter(
          request.get("PhoneNumber").isPresent()
              ? "PhoneNumber Reason: SMS is not emulated locally"
              : "TopicArn or TargetArn Reason: no value for required" + " parameter");
    }
    Topic topic = authorizedTopic(caller, "sns:Publish", arn, "TopicArn");
    MessageValidation.Valid valid = MessageValidation.check(request);
    return SnsXml.element("MessageId", accept(caller, topic, valid).messageId());
  }

  /**
   * The topic of {@code arn} once {@code caller} may do {@code action} on it: a malformed ARN is an invalid parameter,
   * IAM decides next (as AWS authorises before it looks), and a topic that does not exist is NotFound.
   */
  Topic authorizedTopic(String caller, String action, String arn, String parameter) {
    if (!TOPIC_ARN.matcher(arn).matches()) {
      throw SnsError.invalidParameter(parameter);
    }
    authorize(caller, action, arn);
    Topic topic = topics.get(arn);
    if (topic == null) {
      throw SnsError.notFound("Topic does not exist");
    }
    return topic;
  }

  private void authorize(String caller, String action, String resource) {
    if (ADMINISTRATOR.equals(caller)) {
      return;
    }
    IamCall call = authorizer.authorize(caller, action, resource);
    if (!call.allowed()) {
      console.printf("[%s] AuthorizationErrorException: %s%n", caller, call.message());
      throw new SnsError("AuthorizationError", 403, call.message());
    }
  }

  /** Keeps the message and prints its line. */
  PublishedMessage accept(String caller, Topic topic, MessageValidation.Valid valid) {
    PublishedMessage message =
        new PublishedMessage(
            UUID.randomUUID().toString(),
            topic.arn(),
            caller,
            valid.subject(),
            valid.message(),
            valid.attributes(),
            clock.instant());
    synchronized (messages) {
      messages.add(message);
      messages.notifyAll();
    }
    console.println(ConsoleLine.of(topic, message));
    return message;
  }

  private String createTopic(String caller, QueryRequest request) {
    String name = request.require("Name");
    if (!TOPIC_NAME.matcher(name).matches()) {
      throw SnsError.invalidParameter("Topic Name");
    }
    String arn = "arn:aws:sns:" + region + ":" + accountId + ":" + name;
    authorize(caller, "sns:CreateTopic", arn);
    topics.putIfAbsent(
        arn, new Topic(name, name, arn, request.get("Attributes.entry.1.value").orElse("")));
    return SnsXml.element("TopicArn", arn);
  }

  private String listTopics(String caller) {
    authorize(caller, "sns:ListTopics", "arn:aws:sns:" + region + ":" + accountId + ":*");
    StringBuilder members = new StringBuilder("<Topics>");
    topics.keySet().stream()
        .sorted()
        .forEach(
            arn ->
                members
                    .append("<member>")
                    .append(SnsXml.element("TopicArn", arn))
                    .append("</member>"));
    return members.append("</Topics>").toString();
  }

  private String topicAttributes(String caller, QueryRequest request) {
    Topic topic =
        authorizedTopic(caller, "sns:GetTopicAttributes", request.require("TopicArn"), "TopicArn");
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("TopicArn", topic.arn());
    attributes.put("Owner", accountId);
    attributes.put("DisplayName", topic.displayName());
    attributes.put("SubscriptionsConfirmed", "0");
    attributes.put("SubscriptionsPending", "0");
    attributes.put("SubscriptionsDeleted", "0");
    return "<Attributes>" + SnsXml.entries(attributes) + "</Attributes>";
  }

  private static String caller(String authorization) {
    if (authorization == null) {
      return null;
    }
    Matcher matcher = CREDENTIAL.matcher(authorization);
    return matcher.find() ? matcher.group(1) : null;
  }

  private static void send(HttpExchange exchange, int status, String xml, String requestId)
      throws IOException {
    byte[] body = xml.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", SnsXml.CONTENT_TYPE);
    exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
