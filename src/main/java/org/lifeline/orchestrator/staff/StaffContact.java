package org.lifeline.orchestrator.staff;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Where alerts reach a staff member. A configured user has neither e-mail nor Telegram: alerts to them are logged.
 *
 * @param email their e-mail address, if given
 * @param telegramChatId their linked Telegram chat, if any
 */
public record StaffContact(String username, String displayName, Optional<String> email, OptionalLong telegramChatId, Set<StaffRole> roles) {}
