package org.lifeline.orchestrator.curator;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The console's static files. The vendored form-js viewer sits under a versioned path and is
 * cached for a year; the console's own script and style are revalidated on each load.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleAssets implements WebMvcConfigurer {

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry
        .addResourceHandler("/console/assets/vendor/**")
        .addResourceLocations("classpath:/console/assets/vendor/")
        .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
    registry
        .addResourceHandler("/console/assets/**")
        .addResourceLocations("classpath:/console/assets/")
        .setCacheControl(CacheControl.noCache());
  }
}
