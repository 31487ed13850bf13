package org.lifeline.orchestrator.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Looks the signed-in staff account up again on every console call, so an administrator's change takes effect on the
 * next page, on every replica, without shared sessions: a disabled account's session ends (to the login page with
 * {@code ?ended}), changed roles replace those of the session. The account is read from the database by its unique
 * name: one indexed read per page. Configured users change only with a restart and are not looked up; accounts are
 * never deleted, only disabled, so a name no directory knows is not one of theirs.
 */
class ConsoleSessionCheck extends OncePerRequestFilter {

  static final String ENDED = "/console/login?ended";

  private final PeopleDirectory people;
  private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

  ConsoleSessionCheck(PeopleDirectory people) {
    this.people = people;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return request.getRequestURI().startsWith(request.getContextPath() + "/console/assets/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
    if (!(signedIn instanceof UsernamePasswordAuthenticationToken) || !signedIn.isAuthenticated()) {
      chain.doFilter(request, response);
      return;
    }
    Optional<UserDetails> account = people.staffAccount(signedIn.getName());
    if (account.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    UserDetails current = account.get();
    if (!current.isEnabled() || !current.isAccountNonLocked()) {
      SecurityContextHolder.clearContext();
      HttpSession session = request.getSession(false);
      if (session != null) {
        session.invalidate();
      }
      response.sendRedirect(request.getContextPath() + ENDED);
      return;
    }
    if (!authorities(current.getAuthorities()).equals(authorities(signedIn.getAuthorities()))) {
      UsernamePasswordAuthenticationToken updated =
          UsernamePasswordAuthenticationToken.authenticated(signedIn.getPrincipal(), null, current.getAuthorities());
      updated.setDetails(signedIn.getDetails());
      SecurityContext context = SecurityContextHolder.createEmptyContext();
      context.setAuthentication(updated);
      SecurityContextHolder.setContext(context);
      sessions.saveContext(context, request, response);
    }
    chain.doFilter(request, response);
  }

  private static Set<String> authorities(java.util.Collection<? extends GrantedAuthority> granted) {
    Set<String> names = new HashSet<>();
    granted.forEach(authority -> names.add(authority.getAuthority()));
    return names;
  }
}
