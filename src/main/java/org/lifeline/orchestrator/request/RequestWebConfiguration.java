package org.lifeline.orchestrator.request;

import org.lifeline.orchestrator.platform.security.Integrators;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class RequestWebConfiguration implements WebMvcConfigurer {

  /** After the access audit's interceptor, so that a refused call is audited. */
  static final int OWNERSHIP_ORDER = 0;

  private final Integrators integrators;
  private final HelpRequestRepository requests;

  RequestWebConfiguration(Integrators integrators, HelpRequestRepository requests) {
    this.integrators = integrators;
    this.requests = requests;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(new IntegratorOwnership(integrators, requests))
        .addPathPatterns(IntegratorOwnership.REQUEST_ROUTES + "*", IntegratorOwnership.REQUEST_ROUTES + "*/**")
        .order(OWNERSHIP_ORDER);
  }
}
