/**
 * The live feed's WebSocket {@code $connect} authorizer, {@code FeedAuthorizerFunction}: a Lambda REQUEST authorizer
 * that verifies the user pool's access tokens itself (WebSocket APIs have no Cognito authorizer), with the JDK's own
 * RSA signature and the project's strict JSON, against the pool's JWKS fetched over HTTPS and cached per container.
 * No JWT library: docs/performance.md compares it with two.
 *
 * <ul>
 *   <li>{@link dev.catalog.auth.FeedAuthorizerHandler}: a stream handler: the REQUEST event in
 *       ({@link dev.catalog.auth.AuthorizerEvent}: the {@code methodArn}, {@code ?token=} and the connection), an IAM
 *       policy with the caller's context out ({@link dev.catalog.auth.AuthorizerResponse}), or the error
 *       {@link dev.catalog.auth.Unauthorized}, which API Gateway answers with 401.
 *   <li>{@link dev.catalog.auth.TokenVerifier}, implemented by {@link dev.catalog.auth.JwsVerifier}: a compact JWS with
 *       RS256 fixed by the verifier ({@code SHA256withRSA}), then {@code iss}, {@code token_use}, {@code client_id},
 *       {@code exp} and {@code nbf} with 60 s of skew, an {@code iat} not in the future and at most 24 h before
 *       {@code exp}, {@code sub}; every part decoded as strict base64url ({@link dev.catalog.auth.Base64Url});
 *       every refusal a {@link dev.catalog.auth.TokenRefused} with a fixed reason; the verified claims an
 *       {@link dev.catalog.auth.AccessToken}.
 *   <li>{@link dev.catalog.auth.SigningKeys}: the pool's keys, cached per container; an unknown {@code kid} fetches
 *       again at most every 30 s, keys older than an hour are fetched again (a failed fetch keeps the keys it had);
 *       fetched by {@link dev.catalog.auth.HttpJwks} ({@code <issuer>/.well-known/jwks.json} over
 *       {@code HttpURLConnection}) and read by {@link dev.catalog.auth.JwksDocument} (RSA signing keys of 2048 bits or
 *       more only).
 *   <li>{@link dev.catalog.auth.AuthorizerLog}: one JSON line per decision, with the invocation's request id; never
 *       the token.
 * </ul>
 */
package dev.catalog.auth;
