package org.lifeline.orchestrator.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.ApiClient;
import org.lifeline.orchestrator.PlatformTest;
import org.lifeline.orchestrator.contact.Channel;
import org.lifeline.orchestrator.contact.ContactDirectory;
import org.lifeline.orchestrator.contact.ContactRepository;
import org.lifeline.orchestrator.request.RequestEventRepository;
import org.lifeline.orchestrator.request.RequestLifecycle;
import org.lifeline.orchestrator.request.RequestStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

@PlatformTest
class ErasureTest {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired ContactDirectory directory;
  @Autowired ContactRepository contacts;
  @Autowired RequestEventRepository events;
  @Autowired RequestLifecycle lifecycle;
  @Autowired ErasureService erasure;
  @Autowired JdbcTemplate jdbc;

  @Test
  void anAdminErasesAPersonAndOnlyNonIdentifyingFactsRemain() throws Exception {
    String handle = "erase-me-" + UUID.randomUUID();
    JsonNode created = create(handle);
    UUID contactId = UUID.fromString(created.get("contactId").asText());
    UUID requestId = UUID.fromString(created.get("id").asText());

    mvc.perform(delete("/api/v1/admin/contacts/{id}/personal-data", contactId).with(httpBasic("admin", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.requests[0]").value(requestId.toString()));

    assertThat(directory.find(Channel.WEB, handle)).isEmpty();
    assertThat(contacts.findById(contactId)).get().satisfies(contact -> {
      assertThat(contact.getChannelUserId()).isEqualTo("erased");
      assertThat(contact.getDisplayName()).isNull();
      assertThat(contact.getErasedAt()).isNotNull();
    });
    assertThat(events.findByRequestIdOrderByAtAscIdAsc(requestId)).isNotEmpty();
    assertThat(jdbc.queryForList("select text from conversation_message where request_id = ?", String.class, requestId))
        .as("the conversation keeps who wrote when, never the words")
        .isNotEmpty()
        .containsOnlyNulls();
    assertThat(new ApiClient(mvc, json).request(requestId).get("status").asText()).isNotBlank();
  }

  @Test
  void onlyAnAdminMayErase() throws Exception {
    UUID contactId = UUID.fromString(create("keep-" + UUID.randomUUID()).get("contactId").asText());

    mvc.perform(delete("/api/v1/admin/contacts/{id}/personal-data", contactId).with(httpBasic("curator", "demo")))
        .andExpect(status().isForbidden());
    mvc.perform(delete("/api/v1/admin/contacts/{id}/personal-data", UUID.randomUUID()).with(httpBasic("admin", "demo")))
        .andExpect(status().isNotFound());
    assertThat(contacts.findById(contactId).orElseThrow().getErasedAt()).isNull();
  }

  @Test
  void retentionErasesPeopleWhoseRequestsEndedLongAgoAndNobodyElse() throws Exception {
    JsonNode old = create("old-" + UUID.randomUUID());
    JsonNode recent = create("recent-" + UUID.randomUUID());
    UUID oldRequest = UUID.fromString(old.get("id").asText());
    lifecycle.changeStatus(oldRequest, RequestStatus.CLOSED, "test");
    lifecycle.changeStatus(UUID.fromString(recent.get("id").asText()), RequestStatus.CLOSED, "test");
    jdbc.update(
        "update help_request set updated_at = ? where id = ?",
        Timestamp.from(Instant.now().minus(400, ChronoUnit.DAYS)),
        oldRequest);

    erasure.applyRetention();

    assertThat(contacts.findById(UUID.fromString(old.get("contactId").asText())).orElseThrow().getErasedAt()).isNotNull();
    assertThat(contacts.findById(UUID.fromString(recent.get("contactId").asText())).orElseThrow().getErasedAt()).isNull();
    assertThat(jdbc.queryForList("select text from conversation_message where request_id = ?", String.class, oldRequest))
        .as("retention clears the words of the conversation, as erasure does")
        .isNotEmpty()
        .containsOnlyNulls();
    assertThat(jdbc.queryForList(
            "select text from conversation_message where request_id = ?", String.class, UUID.fromString(recent.get("id").asText())))
        .as("a recent conversation is kept")
        .isNotEmpty()
        .doesNotContainNull();
  }

  private JsonNode create(String handle) throws Exception {
    return new ApiClient(mvc, json)
        .createRequest(
            "{\"channel\":\"web\",\"channelUserId\":\"%s\",\"displayName\":\"Name\",\"message\":\"my story\"}".formatted(handle));
  }

}
