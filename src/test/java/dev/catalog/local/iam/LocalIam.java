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

  private LocalIam(URI database, IamEndpoint endpoint) {
    this.database = database;
    this.endpoint = endpoint;
  }

  /**
   * Enforces the policies of {@code template}'s functions, resolved with {@code resolver} (the local table names,
   * region and account), in front of the DynamoDB at {@code database}.
   */
  public static LocalIam enforce(SamTemplate template, IntrinsicResolver resolver, URI database,
      IamCall.Listener listener) {
    Map<String, FunctionPolicy> policies = TemplatePolicies.read(template, resolver);
    return new LocalIam(database, IamEndpoint.start(database, policies, TemplatePolicies.region(resolver),
        TemplatePolicies.accountId(resolver), listener));
  }

  /** Identities without enforcement: calls go to the database directly. */
  public static LocalIam off(URI database) {
    return new LocalIam(database, null);
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
    return DynamoDbClient.builder().endpointOverride(endpoint()).region(Region.of(region))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(function, SECRET_KEY)))
        .httpClient(UrlConnectionHttpClient.create()).build();
  }

  @Override
  public void close() {
    if (endpoint != null) {
      endpoint.close();
    }
  }
}
