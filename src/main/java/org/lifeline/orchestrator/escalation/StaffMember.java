package org.lifeline.orchestrator.escalation;

/**
 * A member of staff who is alerted of escalations.
 *
 * @param username their console username
 * @param channel how to reach them ({@code log} by default; a {@link StaffNotifier} delivers each channel)
 * @param handle their address on that channel (chat id, e-mail, ...)
 */
public record StaffMember(String username, String channel, String handle) {}
