package dev.catalog.local.iam;

/**
 * What a call of API Gateway's {@code @connections} management API needs, as API Gateway authorises it: the action
 * {@code execute-api:ManageConnections} on the connection's ARN,
 * {@code arn:aws:execute-api:REGION:ACCOUNT:API_ID/STAGE/METHOD/@connections/CONNECTION_ID}, the method being the
 * call's ({@code POST} sends, {@code GET} describes, {@code DELETE} closes).
 */
public final class ExecuteApiAccess {
  public static final String MANAGE_CONNECTIONS = "execute-api:ManageConnections";

  private final String region;
  private final String accountId;
  private final String apiId;
  private final String stage;

  public ExecuteApiAccess(String region, String accountId, String apiId, String stage) {
    this.region = region;
    this.accountId = accountId;
    this.apiId = apiId;
    this.stage = stage;
  }

  /** The resource of a management call, e.g. {@code arn:aws:execute-api:us-east-1:123456789012:a1/v1/POST/@connections/X=}. */
  public String connection(String method, String connectionId) {
    return "arn:aws:execute-api:"
        + region
        + ":"
        + accountId
        + ":"
        + apiId
        + "/"
        + stage
        + "/"
        + method
        + "/@connections/"
        + connectionId;
  }
}
