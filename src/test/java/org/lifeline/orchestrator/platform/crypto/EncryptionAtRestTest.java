package org.lifeline.orchestrator.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.ApiClient;
import org.lifeline.orchestrator.PlatformTest;
import org.lifeline.orchestrator.contact.Channel;
import org.lifeline.orchestrator.contact.ContactDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** What lands in the database: ciphertext for every sensitive column, findable through the hash. */
@PlatformTest
class EncryptionAtRestTest {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired ContactDirectory contacts;
  @Autowired Reencryption reencryption;

  @Test
  void handlesNamesAndMessagesAreStoredEncryptedAndTheContactIsStillFound() throws Exception {
    String marker = "secret-" + UUID.randomUUID();
    JsonNode created =
        new ApiClient(mvc, json)
            .createRequest(
                """
                {"channel":"telegram","channelUserId":"%s-handle","displayName":"%s-name","message":"%s-text"}
                """
                    .formatted(marker, marker, marker));
    String contactId = created.get("contactId").asText();

    String handle = jdbc.queryForObject("select channel_user_id from contact where id = ?", String.class, UUID.fromString(contactId));
    String name = jdbc.queryForObject("select display_name from contact where id = ?", String.class, UUID.fromString(contactId));
    String text =
        jdbc.queryForObject(
            "select text from conversation_message where request_id = ? and direction = 'IN'",
            String.class,
            UUID.fromString(created.get("id").asText()));

    assertThat(handle).startsWith("enc:").doesNotContain(marker);
    assertThat(name).startsWith("enc:").doesNotContain(marker);
    assertThat(text).startsWith("enc:").doesNotContain(marker);
    assertThat(contacts.find(Channel.TELEGRAM, marker + "-handle")).get()
        .satisfies(contact -> assertThat(contact.getDisplayName()).isEqualTo(marker + "-name"));
  }

  @Test
  void plaintextLeftFromBeforeEncryptionIsEncryptedByTheMaintenanceRun() throws Exception {
    JsonNode created =
        new ApiClient(mvc, json).createRequest("{\"channel\":\"web\",\"channelUserId\":\"legacy-" + UUID.randomUUID() + "\",\"message\":\"old text\"}");
    UUID requestId = UUID.fromString(created.get("id").asText());
    jdbc.update("update conversation_message set text = 'old text' where request_id = ? and direction = 'IN'", requestId);

    int done = reencryption.reencrypt(new EncryptedColumn("conversation_message", "id", "text"));

    assertThat(done).isGreaterThanOrEqualTo(1);
    assertThat(jdbc.queryForObject(
            "select text from conversation_message where request_id = ? and direction = 'IN'", String.class, requestId))
        .startsWith("enc:");
  }
}
