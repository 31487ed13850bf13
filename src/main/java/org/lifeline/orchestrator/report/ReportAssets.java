package org.lifeline.orchestrator.report;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Apache ECharts for the reports page, served by the platform from its WebJar (org.webjars.npm:echarts), never from a
 * CDN: under the console's assets, with the version in the path, so it is cached for a year.
 */
@Configuration(proxyBeanMethods = false)
class ReportAssets implements WebMvcConfigurer {

  /** The version of org.webjars.npm:echarts in the pom. */
  static final String ECHARTS_VERSION = "5.3.1";

  static final String ECHARTS_PATH = "/console/assets/vendor/echarts-" + ECHARTS_VERSION + "/";

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry
        .addResourceHandler(ECHARTS_PATH + "**")
        .addResourceLocations("classpath:/META-INF/resources/webjars/echarts/" + ECHARTS_VERSION + "/dist/")
        .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
  }
}
