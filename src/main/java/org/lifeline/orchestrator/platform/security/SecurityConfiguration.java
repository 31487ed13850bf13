package org.lifeline.orchestrator.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.lifeline.orchestrator.engine.EngineProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

  /** Console pages load only the platform's own scripts, styles and images, post only to it and are framed by nobody. */
  static final String CONSOLE_POLICY =
      "default-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  /**
   * The web chat loads only the platform's own script and style, sends no form anywhere, has no base to change and is
   * framed by nobody (a site links to it instead: a framed chat could be read over the person's shoulder by the
   * framing site's script, and "leave quickly" could not replace the whole window).
   */
  static final String CHAT_POLICY =
      "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  /** API answers are data: they load nothing and are framed by nobody. */
  static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

  /** No page of the platform needs the camera, the microphone, the location, payments or USB devices. */
  static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

  static final String[] API_DOCS = {"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html"};

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  LoginThrottle loginThrottle(LoginThrottleProperties properties, ObjectProvider<LoginAttempts> attempts, Clock clock) {
    return new LoginThrottle(properties, attempts.getIfAvailable(InMemoryLoginAttempts::new), clock);
  }

  /**
   * Everyone who logs in with a password: the configured users (lifeline.security.users: the bootstrap administrator,
   * the demo users) and the staff accounts in the database, if that module is present.
   */
  @Bean
  PeopleDirectory people(SecurityProperties properties, ObjectProvider<StaffLoginDirectory> directories) {
    InMemoryUserDetailsManager configured =
        new InMemoryUserDetailsManager(
            properties.users().stream()
                .map(
                    account ->
                        User.withUsername(account.username())
                            .password(account.passwordHash())
                            .roles(account.roles().toArray(String[]::new))
                            .build())
                .toList());
    return new PeopleDirectory(configured, directories.orderedStream().toList());
  }

  /** Their passwords, checked through the login throttle. */
  @Bean
  AuthenticationProvider passwordLogins(PeopleDirectory people, PasswordEncoder passwords, LoginThrottle throttle) {
    DaoAuthenticationProvider checked = new DaoAuthenticationProvider(people);
    checked.setPasswordEncoder(passwords);
    return new ThrottledAuthenticationProvider(checked, throttle);
  }

  @Bean
  ProblemAuthenticationEntryPoint problemResponses(ObjectMapper json) {
    return new ProblemAuthenticationEntryPoint(json);
  }

  /**
   * The web chat: its page and the API it calls. Stateless and without cookies (so no CSRF token is needed): a session
   * is opened anonymously (rate-limited per address) and then reached with its bearer token, which opens the person's
   * own request only ({@link BearerSessions}, Spring Security's opaque-token support). The token is read from the
   * Authorization header only, never from the address (where it would land in logs and the browser's history).
   */
  @Bean
  @Order(0)
  SecurityFilterChain chat(HttpSecurity http, ProblemAuthenticationEntryPoint problems, BearerSessions sessions)
      throws Exception {
    hardenHeaders(http, CHAT_POLICY);
    ProblemAuthenticationEntryPoint sessionProblems = problems.forBearerSessions();
    return http.securityMatcher("/chat", "/chat/**", "/api/v1/chat/**")
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .exceptionHandling(errors -> errors.authenticationEntryPoint(sessionProblems).accessDeniedHandler(problems))
        .oauth2ResourceServer(
            bearer ->
                bearer
                    .authenticationEntryPoint(sessionProblems)
                    .accessDeniedHandler(problems)
                    .opaqueToken(token -> token.introspector(sessions)))
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(HttpMethod.GET, "/chat", "/chat/assets/**")
                    .permitAll()
                    .requestMatchers(HttpMethod.POST, "/api/v1/chat/sessions")
                    .permitAll()
                    .requestMatchers("/api/v1/chat/**")
                    .hasAnyAuthority(BearerSessions.AUTHORITY, BearerSessions.ENDED_AUTHORITY)
                    .anyRequest()
                    .denyAll())
        .build();
  }

  /**
   * The HTTP API: stateless, API key for integrators or HTTP Basic for people. OAuth2 bearer tokens
   * (client credentials) are accepted too as soon as one of {@code
   * spring.security.oauth2.resourceserver.jwt.issuer-uri}, {@code jwk-set-uri} or {@code
   * public-key-location} is set (Spring Boot then provides the JwtDecoder). With {@code
   * lifeline.security.anonymous-intake} the intake POST is open to the public (still rate-limited).
   */
  @Bean
  @Order(1)
  SecurityFilterChain api(
      HttpSecurity http,
      Integrators integrators,
      LoginThrottle throttle,
      ProblemAuthenticationEntryPoint problems,
      ObjectProvider<JwtDecoder> jwtDecoder,
      AnonymousIntake anonymousIntake)
      throws Exception {
    hardenHeaders(http, API_POLICY);
    http.securityMatcher("/api/**")
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .httpBasic(basic -> basic.authenticationEntryPoint(problems))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .addFilterBefore(new ApiKeyAuthenticationFilter(integrators, throttle, problems), BasicAuthenticationFilter.class)
        .authorizeHttpRequests(
            requests -> {
              if (anonymousIntake.isAllowed()) {
                requests.requestMatchers(HttpMethod.POST, "/api/v1/requests").permitAll();
              }
              // A one-time feedback link is answered by the person, without credentials: the token is the
              // authorisation. Roles per endpoint are declared on the controllers (@PreAuthorize).
              requests.requestMatchers(HttpMethod.POST, "/api/v1/feedback/*").permitAll();
              // So is an invitation to set one's password: the one-time token in the path is the authorisation.
              requests.requestMatchers(HttpMethod.POST, "/api/v1/staff/invitations/*").permitAll();
              // Administration and one's own account are refused by role before the body is even read, so nobody
              // else learns anything from validation answers; the controllers declare the same roles.
              requests.requestMatchers(HttpMethod.GET, "/api/v1/admin/on-duty").hasAnyRole(Roles.ADMIN, Roles.SUPERVISOR);
              requests.requestMatchers("/api/v1/admin/**").hasRole(Roles.ADMIN);
              requests.requestMatchers("/api/v1/staff/me", "/api/v1/staff/me/**").hasAnyRole(Roles.STAFF.toArray(String[]::new));
              requests.anyRequest().authenticated();
            });
    JwtDecoder decoder = jwtDecoder.getIfAvailable();
    if (decoder != null) {
      http.oauth2ResourceServer(
          oauth2 ->
              oauth2
                  .authenticationEntryPoint(problems)
                  .accessDeniedHandler(problems)
                  .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(new IntegratorScopes())));
    }
    return http.build();
  }

  /**
   * The curator console: form login with a session and CSRF protection, the normal way for pages
   * people use in a browser. Roles per action are enforced by the task service, as on the API. Every page looks the
   * person up again ({@link ConsoleSessionCheck}): a disabled account's session ends at its next click. The
   * invitation page (set a first password) is open: its one-time token is the authorisation.
   */
  @Bean
  @Order(2)
  SecurityFilterChain console(HttpSecurity http, PeopleDirectory people) throws Exception {
    hardenHeaders(http, CONSOLE_POLICY);
    return http.securityMatcher("/console/**")
        .addFilterBefore(new ConsoleSessionCheck(people), AuthorizationFilter.class)
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/console/login", "/console/assets/**", "/console/invitation/**")
                    .permitAll()
                    .requestMatchers("/console/staff", "/console/staff/**")
                    .hasRole(Roles.ADMIN)
                    .requestMatchers(HttpMethod.GET, "/console/on-duty")
                    .hasAnyRole(Roles.ADMIN, Roles.SUPERVISOR)
                    .requestMatchers("/console/on-duty")
                    .hasRole(Roles.ADMIN)
                    .anyRequest()
                    .hasAnyRole(Roles.CURATOR, Roles.SPECIALIST, Roles.SUPERVISOR, Roles.ADMIN))
        .formLogin(
            login ->
                login
                    .loginPage("/console/login")
                    .loginProcessingUrl("/console/login")
                    .defaultSuccessUrl("/console/tasks", true)
                    .failureHandler(new ConsoleLoginFailures()))
        .logout(logout -> logout.logoutUrl("/console/logout").logoutSuccessUrl("/console/login?logout"))
        .build();
  }

  /**
   * Everything else: health is open, operations need an admin. The API docs (OpenAPI and Swagger UI) are open in the
   * embedded mode and need a login (a user or an integrator's key) in any other, unless {@code
   * lifeline.security.public-api-docs} says otherwise.
   */
  @Bean
  @Order(3)
  SecurityFilterChain site(
      HttpSecurity http,
      Integrators integrators,
      LoginThrottle throttle,
      ProblemAuthenticationEntryPoint problems,
      EngineProperties engine,
      @Value("${lifeline.security.public-api-docs:#{null}}") Boolean publicApiDocs)
      throws Exception {
    boolean apiDocsOpen = apiDocsOpen(publicApiDocs, engine);
    hardenHeaders(http, null);
    return http.authorizeHttpRequests(
            requests -> {
              requests.requestMatchers("/actuator/health/**", "/actuator/health", "/error").permitAll();
              if (apiDocsOpen) {
                requests.requestMatchers(API_DOCS).permitAll();
              }
              requests.requestMatchers("/actuator/**").hasRole(Roles.ADMIN).anyRequest().authenticated();
            })
        .addFilterBefore(new ApiKeyAuthenticationFilter(integrators, throttle, problems), BasicAuthenticationFilter.class)
        .httpBasic(basic -> basic.authenticationEntryPoint(problems))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .build();
  }

  /** Whether the API docs are open to anonymous callers: as configured, else only in the embedded mode. */
  static boolean apiDocsOpen(Boolean publicApiDocs, EngineProperties engine) {
    return publicApiDocs != null ? publicApiDocs : engine.isEmbedded();
  }

  /**
   * Spring Security's defaults (no sniffing, no framing, no caching, HSTS over TLS) and: who may be told where a
   * link came from (nobody), which browser features a page may use (none of the sensitive ones), and the content
   * security policy, where one is given (Swagger UI under the site chain keeps the browser's defaults).
   */
  private static void hardenHeaders(HttpSecurity http, String contentSecurityPolicy) throws Exception {
    http.headers(
        headers -> {
          headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER));
          headers.permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY));
          if (contentSecurityPolicy != null) {
            headers.contentSecurityPolicy(policy -> policy.policyDirectives(contentSecurityPolicy));
          }
        });
  }
}
