package org.lifeline.orchestrator.conversation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A short text in one language a specialist inserts into a reply and edits before sending. Not personal data. */
@Entity
@Table(name = "canned_response")
class CannedResponse {

  @Id private UUID id;

  @Column(nullable = false)
  private String language;

  @Column(nullable = false)
  private String category;

  @Column(nullable = false)
  private String title;

  @Column(nullable = false)
  private String text;

  @Column(nullable = false)
  private String updatedBy;

  @Column(nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected CannedResponse() {}

  CannedResponse(CannedResponseInput input, String by, Instant now) {
    this.id = UUID.randomUUID();
    apply(input, by, now);
  }

  void apply(CannedResponseInput input, String by, Instant now) {
    this.language = input.language();
    this.category = input.category();
    this.title = input.title().strip();
    this.text = input.text().strip();
    this.updatedBy = by;
    this.updatedAt = now;
  }

  UUID getId() {
    return id;
  }

  String getLanguage() {
    return language;
  }

  String getCategory() {
    return category;
  }

  String getTitle() {
    return title;
  }

  String getText() {
    return text;
  }

  String getUpdatedBy() {
    return updatedBy;
  }

  Instant getUpdatedAt() {
    return updatedAt;
  }
}
