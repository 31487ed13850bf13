package org.lifeline.orchestrator.staff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** The one row holding the rota (as JSON: usernames and times only). */
@Entity
@Table(name = "on_duty_rota")
class OnDutyRotaRow {

  static final int ID = 1;

  @Id private Integer id;

  @Column(nullable = false)
  private String rota;

  @Column(nullable = false)
  private String updatedBy;

  @Column(nullable = false)
  private Instant updatedAt;

  @Version private Long version;

  protected OnDutyRotaRow() {}

  OnDutyRotaRow(String rota, String updatedBy, Instant now) {
    this.id = ID;
    replace(rota, updatedBy, now);
  }

  void replace(String rota, String updatedBy, Instant now) {
    this.rota = rota;
    this.updatedBy = updatedBy;
    this.updatedAt = now;
  }

  String getRota() {
    return rota;
  }

  String getUpdatedBy() {
    return updatedBy;
  }

  Instant getUpdatedAt() {
    return updatedAt;
  }
}
