package org.lifeline.orchestrator.staff;

/** Where an account stands: invited (no password yet), active, or disabled (no login, no alerts). */
public enum StaffStatus {
  INVITED,
  ACTIVE,
  DISABLED
}
