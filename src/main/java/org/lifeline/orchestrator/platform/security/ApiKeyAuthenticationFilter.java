package org.lifeline.orchestrator.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates integrators (bots, web forms, partner systems) by the X-API-Key header. */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

  static final String HEADER = "X-API-Key";
  static final String INTEGRATOR_PRINCIPAL = "integrator";

  private final List<byte[]> keys;
  private final AuthenticationEntryPoint entryPoint;

  ApiKeyAuthenticationFilter(List<String> keys, AuthenticationEntryPoint entryPoint) {
    this.keys = keys.stream().map(key -> key.getBytes(StandardCharsets.UTF_8)).toList();
    this.entryPoint = entryPoint;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String presented = request.getHeader(HEADER);
    if (presented == null) {
      chain.doFilter(request, response);
      return;
    }
    if (!isKnown(presented.getBytes(StandardCharsets.UTF_8))) {
      SecurityContextHolder.clearContext();
      entryPoint.commence(request, response, new BadCredentialsException("Unknown API key"));
      return;
    }
    var authentication =
        UsernamePasswordAuthenticationToken.authenticated(
            INTEGRATOR_PRINCIPAL, null, List.of(new SimpleGrantedAuthority("ROLE_" + Roles.INTEGRATOR)));
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(authentication);
    SecurityContextHolder.setContext(context);
    chain.doFilter(request, response);
  }

  /** Compares in constant time so response timing does not reveal a key. */
  private boolean isKnown(byte[] presented) {
    boolean known = false;
    for (byte[] key : keys) {
      known |= MessageDigest.isEqual(key, presented);
    }
    return known;
  }
}
