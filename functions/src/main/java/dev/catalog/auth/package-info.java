/**
 * The live feed's WebSocket {@code $connect} authorizer: a Lambda REQUEST authorizer that verifies the user pool's
 * access tokens itself (WebSocket APIs have no Cognito authorizer), with the JDK's own RSA signature and the
 * project's strict JSON, against the pool's JWKS fetched over HTTPS and cached per container.
 */
package dev.catalog.auth;
