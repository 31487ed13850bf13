package org.lifeline.orchestrator.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * Maps an OAuth2 access token (client credentials) to platform roles: the scope {@value #INTEGRATOR_SCOPE}
 * grants ROLE_INTEGRATOR. Other scopes are kept as SCOPE_... authorities and grant nothing here. The
 * principal's name is the client the token was issued to ({@code client_id}, else {@code azp}, else the subject): the
 * integrator's name, which its requests, the audit and the history record, and which
 * {@code lifeline.security.integrators} may describe (channels, webhook) without a key.
 */
class IntegratorScopes implements Converter<Jwt, AbstractAuthenticationToken> {

  static final String INTEGRATOR_SCOPE = "lifeline.integrator";

  private final JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    Collection<GrantedAuthority> granted = scopes.convert(jwt);
    List<GrantedAuthority> authorities = new ArrayList<>(granted == null ? List.of() : granted);
    if (authorities.stream().anyMatch(authority -> authority.getAuthority().equals("SCOPE_" + INTEGRATOR_SCOPE))) {
      authorities.add(new SimpleGrantedAuthority("ROLE_" + Roles.INTEGRATOR));
    }
    return new JwtAuthenticationToken(jwt, authorities, clientOf(jwt));
  }

  private static String clientOf(Jwt jwt) {
    for (String claim : List.of("client_id", "azp")) {
      String client = jwt.getClaimAsString(claim);
      if (client != null && !client.isBlank()) {
        return client;
      }
    }
    return jwt.getSubject();
  }
}
