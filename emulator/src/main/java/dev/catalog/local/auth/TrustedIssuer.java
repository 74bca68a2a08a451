package dev.catalog.local.auth;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.Set;

/** A user pool whose tokens the emulated authorizer accepts: its issuer, its signing keys and its app clients. */
public interface TrustedIssuer {
  /** The {@code iss} its tokens carry, e.g. {@code https://cognito-idp.<region>.amazonaws.com/<pool id>}. */
  String issuer();

  JWKSource<SecurityContext> keys();

  /** The pool's app clients; empty when they are not known (a real pool), and then any client is accepted. */
  Set<String> clients();
}
