package org.lifeline.orchestrator.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.contact.Channel;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

class IntegratorsTest {

  static final SecurityProperties.IntegratorAccount WEB_FORM =
      new SecurityProperties.IntegratorAccount("web-form", "web-form-key-0123456789", Set.of(Channel.WEB), null);
  static final SecurityProperties.IntegratorAccount PARTNER =
      new SecurityProperties.IntegratorAccount(
          "partner-bot",
          "partner-key-0123456789",
          Set.of(Channel.TELEGRAM, Channel.API),
          new SecurityProperties.Webhook(URI.create("https://bot.example.org/lifeline"), "webhook-secret-0123456789"));

  @Test
  void eachKeyIsItsOwnIntegratorWithItsChannelsAndWebhook() {
    Integrators integrators = integrators(WEB_FORM, PARTNER);

    assertThat(integrators.withKey("partner-key-0123456789")).get().extracting(Integrator::name).isEqualTo("partner-bot");
    assertThat(integrators.withKey("web-form-key-0123456789")).get().extracting(Integrator::name).isEqualTo("web-form");
    assertThat(integrators.withKey("partner-key-012345678")).isEmpty();
    Integrator partner = integrators.named("partner-bot").orElseThrow();
    assertThat(partner.accepts(Channel.TELEGRAM)).isTrue();
    assertThat(partner.accepts(Channel.WEB)).isFalse();
    assertThat(partner.webhook()).get().extracting(SecurityProperties.Webhook::url).isEqualTo(URI.create("https://bot.example.org/lifeline"));
    assertThat(integrators.named("web-form").orElseThrow().webhook()).isEmpty();
  }

  @Test
  void theCallerIsAnIntegratorOnlyWithoutAStaffRole() {
    Integrators integrators = integrators(WEB_FORM);

    assertThat(integrators.of(caller("web-form", "ROLE_INTEGRATOR"))).get().extracting(Integrator::name).isEqualTo("web-form");
    assertThat(integrators.of(caller("oauth-client", "ROLE_INTEGRATOR")))
        .as("an OAuth2 client the configuration does not describe")
        .get()
        .satisfies(client -> assertThat(client.channels()).containsExactlyInAnyOrder(Channel.values()));
    assertThat(integrators.of(caller("curator", "ROLE_CURATOR"))).isEmpty();
    assertThat(integrators.of(caller("admin", "ROLE_INTEGRATOR", "ROLE_ADMIN"))).isEmpty();
    assertThat(integrators.of(null)).isEmpty();
  }

  @Test
  void aConfigurationThatCannotTellIntegratorsApartIsRefused() {
    assertThatThrownBy(() -> integrators(WEB_FORM, WEB_FORM)).hasMessageContaining("'web-form' is configured twice");
    assertThatThrownBy(
            () -> integrators(WEB_FORM, new SecurityProperties.IntegratorAccount("copy", WEB_FORM.key(), Set.of(Channel.WEB), null)))
        .hasMessageContaining("has the key of another integrator");
    assertThatThrownBy(() -> integrators(new SecurityProperties.IntegratorAccount("short", "too-short", Set.of(Channel.WEB), null)))
        .hasMessageContaining("shorter than 16");
    assertThatThrownBy(() -> integrators(new SecurityProperties.IntegratorAccount("none", "long-enough-key-0123", Set.of(), null)))
        .hasMessageContaining("needs its channels");
    assertThatThrownBy(() -> integrators(new SecurityProperties.IntegratorAccount("two words", "long-enough-key-0123", Set.of(Channel.WEB), null)))
        .hasMessageContaining("needs a name");
    assertThatThrownBy(
            () ->
                integrators(
                    new SecurityProperties.IntegratorAccount(
                        "hooked", "long-enough-key-0123", Set.of(Channel.WEB), new SecurityProperties.Webhook(URI.create("/relative"), "s"))))
        .hasMessageContaining("webhook");
  }

  @Test
  void anIntegratorNamedLikeAConfiguredUserIsRefused() {
    SecurityProperties.UserAccount curator = new SecurityProperties.UserAccount("curator", "{noop}demo", List.of("CURATOR"));
    SecurityProperties.IntegratorAccount namedLikeTheUser =
        new SecurityProperties.IntegratorAccount("Curator", "curator-bot-key-0123456789", Set.of(Channel.WEB), null);

    assertThatThrownBy(() -> new Integrators(new SecurityProperties(List.of(namedLikeTheUser), List.of(curator)), new MockEnvironment()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'Curator' has the name of a configured user");
    assertThat(new Integrators(new SecurityProperties(List.of(WEB_FORM), List.of(curator)), new MockEnvironment()).hasName("WEB-form"))
        .as("names are compared as usernames are, in any case")
        .isTrue();
  }

  @Test
  void theFormerSharedKeyListIsRefusedRatherThanIgnored() {
    MockEnvironment environment = new MockEnvironment().withProperty("lifeline.security.integrator-keys", "key-a,key-b");

    assertThatThrownBy(() -> new Integrators(new SecurityProperties(List.of(WEB_FORM), List.of()), environment))
        .hasMessageContaining("lifeline.security.integrators");
  }

  private static Integrators integrators(SecurityProperties.IntegratorAccount... accounts) {
    return new Integrators(new SecurityProperties(List.of(accounts), List.of()), new MockEnvironment());
  }

  private static UsernamePasswordAuthenticationToken caller(String name, String... authorities) {
    return UsernamePasswordAuthenticationToken.authenticated(name, null, AuthorityUtils.createAuthorityList(authorities));
  }
}
