package org.lifeline.orchestrator.audit;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration implements WebMvcConfigurer {

  private final AccessAudit audit;

  AuditConfiguration(AccessAudit audit) {
    this.audit = audit;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    // First: it hears how every call ended, one refused by a later interceptor too.
    registry
        .addInterceptor(new AccessAuditInterceptor(audit))
        .addPathPatterns("/api/**", "/console/**")
        .order(Ordered.HIGHEST_PRECEDENCE);
  }
}
