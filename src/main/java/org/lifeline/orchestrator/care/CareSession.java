package org.lifeline.orchestrator.care;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.lifeline.orchestrator.platform.crypto.EncryptedText;

/** A session the assigned specialist held with the person. */
@Entity
@Table(name = "care_session")
public class CareSession {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private UUID requestId;

  @Column(nullable = false)
  private UUID specialistId;

  @Column(nullable = false)
  private Instant heldAt;

  @Column(name = "duration_min", nullable = false)
  private int durationMinutes;

  /** What the specialist noted about the session: encrypted at rest, never sent to the engine. */
  @Convert(converter = EncryptedText.class)
  private String note;

  @Column(nullable = false)
  private Instant recordedAt;

  protected CareSession() {}

  CareSession(UUID requestId, UUID specialistId, Instant heldAt, int durationMinutes, String note, Instant recordedAt) {
    this.requestId = requestId;
    this.specialistId = specialistId;
    this.heldAt = heldAt;
    this.durationMinutes = durationMinutes;
    this.note = note;
    this.recordedAt = recordedAt;
  }

  public Long getId() {
    return id;
  }

  public UUID getRequestId() {
    return requestId;
  }

  public Instant getHeldAt() {
    return heldAt;
  }

  public int getDurationMinutes() {
    return durationMinutes;
  }

  public String getNote() {
    return note;
  }
}
