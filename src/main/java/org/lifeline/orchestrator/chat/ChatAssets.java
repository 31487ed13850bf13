package org.lifeline.orchestrator.chat;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The chat page's own script and style: served by the platform, nothing from outside; revalidated on each load. */
@Configuration(proxyBeanMethods = false)
class ChatAssets implements WebMvcConfigurer {

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry.addResourceHandler("/chat/assets/**").addResourceLocations("classpath:/chat/assets/").setCacheControl(CacheControl.noCache());
  }
}
