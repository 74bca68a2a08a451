/**
 * Authentication, emulated locally as API Gateway's REST API does it with a Cognito user pool authorizer.
 *
 * <ul>
 *   <li>{@link dev.catalog.local.auth.TemplateAuthorizers}: which routes of the template are guarded, with which
 *       authorization scopes.
 *   <li>{@link dev.catalog.local.auth.CognitoAuthorizer}: the verification of a token for one
 *       {@link dev.catalog.local.auth.TrustedIssuer}: the built-in {@link dev.catalog.local.auth.DevelopmentIssuer}
 *       (served by {@link dev.catalog.local.auth.TokenEndpoint}) or a real pool ({@link
 *       dev.catalog.local.auth.RemoteIssuer}, {@code -Dlocal.issuer}).
 *   <li>{@link dev.catalog.local.auth.GatewayClaims}: the claims as the function receives them.
 *   <li>{@link dev.catalog.local.auth.GatewayResponses}: the template's gateway responses.
 *   <li>{@link dev.catalog.local.auth.LocalAuth}: all of it applied before a function runs, or switched off; its
 *       {@code tokenEnvironment()} points the functions that verify tokens themselves ({@code TOKEN_ISSUER},
 *       {@code TOKEN_CLIENT_IDS}) at the development issuer, which {@link dev.catalog.local.auth.ServedIssuer} serves
 *       as Cognito serves a pool (an {@code http://127.0.0.1:<port>/local-pool} issuer with its JWKS under it; key
 *       rotation and a count of JWKS requests for tests).
 * </ul>
 */
package dev.catalog.local.auth;
