package dev.catalog.local.iam;

import dev.catalog.template.IntrinsicResolver;
import dev.catalog.template.SamTemplate;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The functions' identities on a local DynamoDB: each function's calls are signed with its logical id as access key
 * id and, when enforced, go through an {@link IamEndpoint} holding the template's policies; when not, straight to the
 * database.
 */
public final class LocalIam implements AutoCloseable {
  /** Not a secret: only the access key id matters locally. */
  static final String SECRET_KEY = "local";

  private final URI database;
  private final IamEndpoint endpoint;
  private final Authorizer decisions;
  private final String region;

  private LocalIam(URI database, IamEndpoint endpoint, Authorizer decisions, String region) {
    this.database = database;
    this.endpoint = endpoint;
    this.decisions = decisions;
    this.region = region;
  }

  /**
   * Enforces the policies of {@code template}'s functions, resolved with {@code resolver} (the local table names,
   * region and account), in front of the DynamoDB at {@code database}.
   */
  public static LocalIam enforce(
      SamTemplate template, IntrinsicResolver resolver, URI database, IamCall.Listener listener) {
    Map<String, FunctionPolicy> policies = TemplatePolicies.read(template, resolver);
    String region = TemplatePolicies.region(resolver);
    String accountId = TemplatePolicies.accountId(resolver);
    return new LocalIam(
        database,
        IamEndpoint.start(database, policies, region, accountId, listener),
        new Authorizer(policies, policies.keySet(), accountId, listener),
        region);
  }

  /** Identities without enforcement: calls go to the database directly. */
  public static LocalIam off(URI database) {
    return new LocalIam(database, null, null, null);
  }

  /**
   * The decision on one call to a service the local tool itself serves (the {@code @connections} API, ...), taken
   * as for DynamoDB: {@code caller}'s template policy evaluated, the decision passed to the listener. Without
   * enforcement every call is allowed and nothing is recorded.
   *
   * @param caller the access key id the call was signed with
   * @return the decision, or null when {@code caller} names no function of the template (an unrecognised key)
   */
  public IamCall authorize(String caller, String action, String resource) {
    if (decisions == null) {
      return new IamCall(caller, action, resource, FunctionPolicy.Decision.ALLOWED, null);
    }
    return decisions.knows(caller) ? decisions.authorize(caller, action, resource) : null;
  }

  public boolean enforced() {
    return endpoint != null;
  }

  /** Where the functions' calls go. */
  public URI endpoint() {
    return endpoint == null ? database : endpoint.url();
  }

  /**
   * {@code base} (region and the like) with what makes a client call as {@code function}: the endpoint, and the
   * credentials naming it.
   */
  public Map<String, String> clientEnvironment(String function, Map<String, String> base) {
    Map<String, String> environment = new LinkedHashMap<>(base);
    environment.put("DYNAMODB_ENDPOINT", endpoint().toString());
    environment.put("AWS_ACCESS_KEY_ID", function);
    environment.put("AWS_SECRET_ACCESS_KEY", SECRET_KEY);
    environment.remove("AWS_SESSION_TOKEN");
    return environment;
  }

  /** A client that calls as {@code function}, on the HTTP client the functions use; the caller closes it. */
  public DynamoDbClient client(String function, String region) {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint())
        .region(Region.of(region))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(function, SECRET_KEY)))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  @Override
  public void close() {
    if (endpoint != null) {
      endpoint.close();
    }
  }
}
