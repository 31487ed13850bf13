package org.lifeline.orchestrator.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.PlatformTest;
import org.lifeline.orchestrator.platform.security.BearerSessions;
import org.lifeline.orchestrator.platform.security.Roles;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every write a public caller may make is rate-limited: the one-time feedback links, answered without credentials, are
 * limited per address like the intake; and no route that an integrator, a web chat session or an anonymous caller may
 * write to is missing from {@code lifeline.rate-limit.paths}.
 */
@PlatformTest
class PublicWritePathsAreLimitedTest {

  static final Set<RequestMethod> WRITES = Set.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE);

  /**
   * Writes public callers may make that are deliberately not limited, each with its reason. Nothing else may be missing
   * from the configured paths.
   */
  static final Map<String, String> EXEMPT =
      Map.of(
          // Spring's error page: reached by the container's error dispatch of a request that was already filtered
          // (and limited, when its path is); it changes nothing.
          "/error", "renders the error of another request",
          // Telegram's webhook: authenticated by its secret, which only Telegram knows; every update comes from
          // Telegram's few addresses, so a per-address limit would brake the whole bot (docs/security.md).
          "/telegram/webhook", "authenticated by Telegram's secret");

  @Autowired MockMvc mvc;
  @Autowired ApplicationContext context;
  @Autowired RateLimitProperties rateLimits;
  @Autowired FilterChainProxy securityChains;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping routes;

  @Test
  void guessingFeedbackLinksFromOneAddressIsSlowedDown() throws Exception {
    RequestPostProcessor fromOneAddress =
        request -> {
          request.setRemoteAddr("198.51.100.77");
          return request;
        };
    for (int i = 0; i < 20; i++) {
      mvc.perform(post("/api/v1/feedback/guess-{n}", i).with(fromOneAddress).contentType(MediaType.APPLICATION_JSON).content("{\"rating\":5}"))
          .andExpect(status().isNotFound());
    }
    mvc.perform(post("/api/v1/feedback/guess-20").with(fromOneAddress).contentType(MediaType.APPLICATION_JSON).content("{\"rating\":5}"))
        .andExpect(status().isTooManyRequests())
        .andExpect(header().exists("Retry-After"))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void everyWriteOpenToAnIntegratorAPersonOrAnyoneIsLimited() {
    Map<String, Authentication> publicCallers =
        Map.of(
            "an integrator",
            UsernamePasswordAuthenticationToken.authenticated(
                "some-integrator", null, AuthorityUtils.createAuthorityList("ROLE_" + Roles.INTEGRATOR)),
            "a web chat session",
            UsernamePasswordAuthenticationToken.authenticated(
                "chat:some-session", null, AuthorityUtils.createAuthorityList(BearerSessions.AUTHORITY)),
            "an anonymous caller",
            new AnonymousAuthenticationToken("key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
    DefaultMethodSecurityExpressionHandler expressions = new DefaultMethodSecurityExpressionHandler();
    expressions.setApplicationContext(context);
    PreAuthorizeAuthorizationManager methodSecurity = new PreAuthorizeAuthorizationManager();
    methodSecurity.setExpressionHandler(expressions);
    AntPathMatcher matcher = new AntPathMatcher();

    List<String> publicWrites = new ArrayList<>();
    List<String> unlimited = new ArrayList<>();
    routes.getHandlerMethods().forEach(
        (RequestMappingInfo route, HandlerMethod handler) -> {
          Set<RequestMethod> methods = route.getMethodsCondition().getMethods();
          // A route without a method condition answers every method, the writes too.
          List<RequestMethod> writes = methods.isEmpty() ? List.copyOf(WRITES) : methods.stream().filter(WRITES::contains).toList();
          for (String pattern : route.getDirectPaths().isEmpty() ? route.getPatternValues() : route.getDirectPaths()) {
            String path = pattern.replaceAll("\\{[^}]+}", "x");
            for (RequestMethod method : writes) {
              List<String> openTo =
                  publicCallers.entrySet().stream()
                      .filter(caller -> allowedByUrl(method, path, caller.getValue()) && allowedByMethod(methodSecurity, handler, caller.getValue()))
                      .map(Map.Entry::getKey)
                      .toList();
              if (openTo.isEmpty()) {
                continue;
              }
              String described = method + " " + pattern + " (open to " + String.join(", ", openTo) + ")";
              publicWrites.add(described);
              boolean limited =
                  rateLimits.methods().contains(method.name())
                      && rateLimits.paths().stream().anyMatch(limitedPath -> matcher.match(limitedPath, path));
              if (!limited && !EXEMPT.containsKey(pattern)) {
                unlimited.add(described);
              }
            }
          }
        });

    assertThat(publicWrites)
        .as("the walk finds the known public writes (so the checks below look at something)")
        .anyMatch(route -> route.startsWith("POST /api/v1/requests/{id}/messages") && route.contains("an integrator"))
        .anyMatch(route -> route.startsWith("POST /api/v1/feedback/{token}") && route.contains("an anonymous caller"))
        .anyMatch(route -> route.startsWith("POST /api/v1/chat/messages") && route.contains("a web chat session"))
        .noneMatch(route -> route.startsWith("POST /api/v1/admin/"))
        .noneMatch(route -> route.startsWith("POST /console/cases/"));
    assertThat(unlimited).as("public writes missing from lifeline.rate-limit.paths").isEmpty();
  }

  /** What the security filter chain that serves the path decides for this caller, before any controller runs. */
  private boolean allowedByUrl(RequestMethod method, String path, Authentication caller) {
    MockHttpServletRequest request = new MockHttpServletRequest(context.getBean(jakarta.servlet.ServletContext.class), method.name(), path);
    request.setServletPath(path);
    SecurityFilterChain chain =
        securityChains.getFilterChains().stream().filter(candidate -> candidate.matches(request)).findFirst().orElseThrow();
    Supplier<Authentication> who = () -> caller;
    return chain.getFilters().stream()
        .filter(AuthorizationFilter.class::isInstance)
        .map(AuthorizationFilter.class::cast)
        .findFirst()
        .map(filter -> granted(filter.getAuthorizationManager().authorize(who, request)))
        .orElse(true);
  }

  /** What the handler's {@code @PreAuthorize} (on the method or its class) decides for this caller; none: allowed. */
  private static boolean allowedByMethod(PreAuthorizeAuthorizationManager methodSecurity, HandlerMethod handler, Authentication caller) {
    HandlerMethod resolved = handler.createWithResolvedBean();
    Object bean = resolved.getBean();
    Object target = AopProxyUtils.getSingletonTarget(bean) != null ? AopProxyUtils.getSingletonTarget(bean) : bean;
    Object[] arguments = new Object[resolved.getMethod().getParameterCount()];
    return granted(methodSecurity.authorize(() -> caller, new SimpleMethodInvocation(target, resolved.getMethod(), arguments)));
  }

  private static boolean granted(AuthorizationResult result) {
    return result == null || result.isGranted();
  }
}
