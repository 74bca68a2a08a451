/**
 * IAM, emulated locally: each function's AWS calls are signed with an access key id that names the function (its
 * logical id), and go through an {@link dev.catalog.local.iam.IamEndpoint} on loopback that evaluates the function's
 * template policies on every call before passing it on, as AWS would.
 *
 * <ul>
 *   <li>{@link dev.catalog.local.iam.TemplatePolicies}: each function's {@code Policies} from the template, resolved
 *       to ARNs of the local account and region ({@link dev.catalog.local.iam.Statement},
 *       {@link dev.catalog.local.iam.FunctionPolicy}: Allow and Deny, wildcards), with what SAM adds to the role it
 *       generates for a {@code DynamoDB} event ({@code SamPolicyTemplates}: AWSLambdaDynamoDBExecutionRole, and the
 *       on-failure destination only when the event gives its {@code Type}).
 *   <li>{@link dev.catalog.local.iam.DynamoDbAccess}: what a DynamoDB request needs: the action and resource of each
 *       table, index and transaction item it touches, as DynamoDB authorises it.
 *   <li>{@link dev.catalog.local.iam.IamEndpoint}: the enforcing proxy, answering a call outside the policy with
 *       DynamoDB's own {@code AccessDeniedException} ({@link dev.catalog.local.iam.AccessDenied}); every decision goes
 *       to an {@link dev.catalog.local.iam.IamCall} listener.
 *   <li>{@link dev.catalog.local.iam.Authorizer#simulate}: the same evaluation as a check of the role, reported to
 *       no one (what Lambda checks when it creates an event source mapping).
 *   <li>{@link dev.catalog.local.iam.LocalIam#authorize}: the same evaluation and record for the services the local
 *       tool serves itself, e.g. {@link dev.catalog.local.iam.ExecuteApiAccess} for the WebSocket API's
 *       {@code @connections} ({@code execute-api:ManageConnections} on the connection's ARN).
 * </ul>
 */
package dev.catalog.local.iam;
