package org.lifeline.orchestrator.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.ApiClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The configuration-only switches of the security chains, in their own context (the shared platform
 * context keeps them at their embedded defaults): OAuth2 client-credentials tokens checked against a
 * public key, next to API keys and logins, the anonymous public intake, and API docs behind a login
 * (the default outside the embedded mode).
 */
@SpringBootTest(properties = {"lifeline.security.anonymous-intake=true", "lifeline.security.public-api-docs=false"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class OAuth2AndAnonymousIntakeTest {

  static final KeyPair ISSUER_KEYS = rsaKeyPair();
  static final KeyPair OTHER_KEYS = rsaKeyPair();
  static final String INTAKE = "{\"channel\":\"web\",\"channelUserId\":\"%s\",\"language\":\"en\"}";

  @Autowired MockMvc mvc;

  @DynamicPropertySource
  static void publicKey(DynamicPropertyRegistry registry) throws IOException {
    Path pem = Files.createTempFile("lifeline-issuer", ".pem");
    pem.toFile().deleteOnExit();
    Files.writeString(
        pem,
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(ISSUER_KEYS.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n");
    registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> pem.toUri().toString());
  }

  @Test
  void aTokenWithTheIntegratorScopeMayTakeInAndReadRequests() throws Exception {
    String token = token(ISSUER_KEYS, "partner-bot", "lifeline.integrator", Instant.now().plusSeconds(300));
    String created =
        intake(token)
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.history[0].actor").value("partner-bot"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String id = created.substring(created.indexOf("\"id\":\"") + 6, created.indexOf("\"id\":\"") + 42);
    mvc.perform(get("/api/v1/requests/{id}", id).header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
        .andExpect(status().isOk());
  }

  /** A service account's subject is not its name: the client id is, and the configuration may describe it. */
  @Test
  void theClientIdNamesTheIntegratorAndItsConfigurationApplies() throws Exception {
    String token =
        token(
            ISSUER_KEYS,
            new JWTClaimsSet.Builder().subject(UUID.randomUUID().toString()).claim("client_id", "partner-bot"),
            "lifeline.integrator",
            Instant.now().plusSeconds(300));
    String created =
        intake(token).andExpect(status().isCreated()).andExpect(jsonPath("$.history[0].actor").value("partner-bot"))
            .andReturn().getResponse().getContentAsString();
    String id = created.substring(created.indexOf("\"id\":\"") + 6, created.indexOf("\"id\":\"") + 42);
    mvc.perform(
            post("/api/v1/requests")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"channel\":\"telegram\",\"channelUserId\":\"" + UUID.randomUUID() + "\"}"))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/requests/{id}", id).header(ApiClient.API_KEY_HEADER, "partner-bot-test-key-0123456789"))
        .andExpect(status().isOk());
    mvc.perform(get("/api/v1/requests/{id}", id).header(ApiClient.API_KEY_HEADER, ApiClient.DEMO_KEY))
        .andExpect(status().isNotFound());
  }

  @Test
  void tokensWithoutTheScopeBadlySignedOrExpiredAreRefused() throws Exception {
    String noScope = token(ISSUER_KEYS, "partner-bot", "profile", Instant.now().plusSeconds(300));
    mvc.perform(get("/api/v1/requests/{id}", UUID.randomUUID()).header(HttpHeaders.AUTHORIZATION, "Bearer " + noScope))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    String forged = token(OTHER_KEYS, "partner-bot", "lifeline.integrator", Instant.now().plusSeconds(300));
    intake(forged).andExpect(status().isUnauthorized()).andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    String expired = token(ISSUER_KEYS, "partner-bot", "lifeline.integrator", Instant.now().minusSeconds(600));
    intake(expired).andExpect(status().isUnauthorized());
  }

  @Test
  void apiKeysAndLoginsKeepWorkingBesideTokens() throws Exception {
    mvc.perform(get("/api/v1/requests/{id}", UUID.randomUUID()).header(ApiClient.API_KEY_HEADER, ApiClient.DEMO_KEY))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/requests/{id}", UUID.randomUUID()).with(httpBasic("curator", "demo")))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/requests/{id}", UUID.randomUUID())).andExpect(status().isUnauthorized());
  }

  @Test
  void theSwitchOpensOnlyTheIntakePostToThePublic() throws Exception {
    mvc.perform(
            post("/api/v1/requests")
                .contentType(MediaType.APPLICATION_JSON)
                .content(INTAKE.formatted("anon-" + UUID.randomUUID())))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.history[0].actor").value("anonymous"));
    mvc.perform(get("/api/v1/requests/{id}", UUID.randomUUID())).andExpect(status().isUnauthorized());
    mvc.perform(get("/api/v1/tasks")).andExpect(status().isUnauthorized());
    mvc.perform(post("/api/v1/requests/{id}/messages", UUID.randomUUID()).contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"hi\"}"))
        .andExpect(status().isUnauthorized());
    String response =
        mvc.perform(post("/api/v1/requests").contentType(MediaType.APPLICATION_JSON).content("{\"channel\":\"web\"}"))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentType();
    assertThat(response).contains("problem+json");
  }

  @Test
  void theApiDocsNeedALoginOrAnIntegratorsKey() throws Exception {
    mvc.perform(get("/v3/api-docs"))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isUnauthorized());
    mvc.perform(get("/v3/api-docs").with(httpBasic("curator", "demo"))).andExpect(status().isOk());
    mvc.perform(get("/v3/api-docs").header(ApiClient.API_KEY_HEADER, ApiClient.DEMO_KEY)).andExpect(status().isOk());
    mvc.perform(get("/actuator/health")).andExpect(status().isOk());
  }

  private ResultActions intake(String token) throws Exception {
    return mvc.perform(
        post("/api/v1/requests")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
            .contentType(MediaType.APPLICATION_JSON)
            .content(INTAKE.formatted("oauth-" + UUID.randomUUID())));
  }

  private static String token(KeyPair keys, String client, String scope, Instant expiresAt) throws Exception {
    return token(keys, new JWTClaimsSet.Builder().subject(client), scope, expiresAt);
  }

  private static String token(KeyPair keys, JWTClaimsSet.Builder identity, String scope, Instant expiresAt) throws Exception {
    JWTClaimsSet claims =
        identity
            .claim("scope", scope)
            .issueTime(Date.from(expiresAt.minusSeconds(900)))
            .expirationTime(Date.from(expiresAt))
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
    jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
    return jwt.serialize();
  }

  private static KeyPair rsaKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new UncheckedIOException(new IOException(e));
    }
  }
}
