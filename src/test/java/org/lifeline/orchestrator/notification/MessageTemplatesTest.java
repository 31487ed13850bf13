package org.lifeline.orchestrator.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class MessageTemplatesTest {

  private static final TemplateArguments HOTLINES =
      new TemplateArguments() {
        @Override
        public String template() {
          return "crisis-resources";
        }

        @Override
        public Object[] arguments(String language) {
          return new Object[] {"line-for-" + language};
        }
      };

  private final MessageTemplates templates = new MessageTemplates(messages(), List.of(HOTLINES));

  @Test
  void configuredArgumentsFillTheTemplateAtRenderTimeInThePersonsLanguage() {
    assertThat(templates.render("crisis-resources", "uk")).contains("line-for-uk").doesNotContain("{0}");
    assertThat(templates.render("crisis-resources", null)).contains("line-for-null");
  }

  @Test
  void otherTemplatesAreUntouched() {
    assertThat(templates.render("greeting", "en")).startsWith("Hello");
    assertThat(templates.exists("crisis-resources")).isTrue();
  }

  private static ResourceBundleMessageSource messages() {
    ResourceBundleMessageSource source = new ResourceBundleMessageSource();
    source.setBasename("messages/outbound");
    source.setDefaultEncoding("UTF-8");
    source.setFallbackToSystemLocale(false);
    return source;
  }
}
