package org.lifeline.orchestrator.qualification;

import jakarta.validation.constraints.NotBlank;
import org.lifeline.orchestrator.notification.TemplateArguments;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The partner project minors are redirected to ({@code lifeline.qualification.minor-partner.*}): fills the
 * {@code minor-redirect} message's placeholders {0} (name) and {1} (contact).
 */
@Validated
@ConfigurationProperties("lifeline.qualification.minor-partner")
public record MinorPartnerProperties(@NotBlank String name, @NotBlank String contact) implements TemplateArguments {

  @Override
  public String template() {
    return SendMinorRedirectWorker.TEMPLATE;
  }

  @Override
  public Object[] arguments(String language) {
    return new Object[] {name, contact};
  }
}
