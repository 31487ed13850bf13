package org.lifeline.orchestrator.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  UserDetailsService users(SecurityProperties properties) {
    return new InMemoryUserDetailsManager(
        properties.users().stream()
            .map(
                account ->
                    User.withUsername(account.username())
                        .password(account.passwordHash())
                        .roles(account.roles().toArray(String[]::new))
                        .build())
            .toList());
  }

  @Bean
  ProblemAuthenticationEntryPoint problemResponses(ObjectMapper json) {
    return new ProblemAuthenticationEntryPoint(json);
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
      ProblemAuthenticationEntryPoint problems,
      ObjectProvider<JwtDecoder> jwtDecoder,
      AnonymousIntake anonymousIntake)
      throws Exception {
    http.securityMatcher("/api/**")
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .httpBasic(basic -> basic.authenticationEntryPoint(problems))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .addFilterBefore(new ApiKeyAuthenticationFilter(integrators, problems), BasicAuthenticationFilter.class)
        .authorizeHttpRequests(
            requests -> {
              if (anonymousIntake.isAllowed()) {
                requests.requestMatchers(HttpMethod.POST, "/api/v1/requests").permitAll();
              }
              // A one-time feedback link is answered by the person, without credentials: the token is the
              // authorisation. Roles per endpoint are declared on the controllers (@PreAuthorize).
              requests.requestMatchers(HttpMethod.POST, "/api/v1/feedback/*").permitAll();
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
   * people use in a browser. Roles per action are enforced by the task service, as on the API.
   */
  @Bean
  @Order(2)
  SecurityFilterChain console(HttpSecurity http) throws Exception {
    return http.securityMatcher("/console/**")
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/console/login", "/console/assets/**")
                    .permitAll()
                    .anyRequest()
                    .hasAnyRole(Roles.CURATOR, Roles.SPECIALIST, Roles.SUPERVISOR, Roles.ADMIN))
        .formLogin(
            login ->
                login
                    .loginPage("/console/login")
                    .loginProcessingUrl("/console/login")
                    .defaultSuccessUrl("/console/tasks", true)
                    .failureUrl("/console/login?error"))
        .logout(logout -> logout.logoutUrl("/console/logout").logoutSuccessUrl("/console/login?logout"))
        .build();
  }

  /** Everything else: health and API docs are open, operations need an admin. */
  @Bean
  @Order(3)
  SecurityFilterChain site(HttpSecurity http, ProblemAuthenticationEntryPoint problems) throws Exception {
    return http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/actuator/health/**", "/actuator/health", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error")
                    .permitAll()
                    .requestMatchers("/actuator/**")
                    .hasRole(Roles.ADMIN)
                    .anyRequest()
                    .authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint(problems))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .build();
  }
}
