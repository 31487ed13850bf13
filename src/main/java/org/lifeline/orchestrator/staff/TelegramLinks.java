package org.lifeline.orchestrator.staff;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links a staff member's Telegram chat to their account, so alerts reach them there: the console shows a one-time code
 * (kept as a hash, {@code lifeline.staff.telegram-code-validity}), they send it to the bot ({@code /link ABCD-EFGH},
 * or the bot's start link with {@code link-ABCDEFGH}), the bot links the chat it came from. A linked chat is a staff
 * chat: the bot never takes what is written there for a person's request.
 */
@Service
@Transactional
public class TelegramLinks {

  /** {@code /link ABCD-EFGH} (also {@code /link@bot ...}) or {@code /start link-ABCDEFGH} from the bot's start link. */
  private static final Pattern LINK_MESSAGE =
      Pattern.compile("^/(?:link(?:@\\w+)?\\s+|start(?:@\\w+)?\\s+link-)([A-Za-z0-9]{4}-?[A-Za-z0-9]{4})\\s*$");

  private static final Logger log = LoggerFactory.getLogger(TelegramLinks.class);

  private final StaffAccountRepository accounts;
  private final StaffProperties properties;
  private final Clock clock;

  TelegramLinks(StaffAccountRepository accounts, StaffProperties properties, Clock clock) {
    this.accounts = accounts;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * A new code for the staff member to send to the bot; any earlier one stops working.
   *
   * @throws StaffProblems.Conflict for a configured user (no account to link)
   */
  public LinkCode offer(String username) {
    StaffAccount account =
        accounts.findByUsername(username)
            .orElseThrow(
                () -> new StaffProblems.Conflict(
                    "username", "is a configured user: alerts to configured users are only logged"));
    String code = OneTimeSecrets.newCode();
    Instant expiresAt = now().plus(properties.telegramCodeValidity());
    account.offerTelegramLink(OneTimeSecrets.hash(code), expiresAt, now());
    accounts.saveAndFlush(account);
    return new LinkCode(code, expiresAt);
  }

  public void unlink(String username) {
    accounts.findByUsername(username).ifPresent(account -> account.unlinkTelegram(now()));
  }

  /** The code in a message that asks to link a chat, if the message is such a request (valid or not). */
  public static Optional<String> codeIn(String text) {
    Matcher matcher = LINK_MESSAGE.matcher(text == null ? "" : text.strip());
    return matcher.matches() ? Optional.of(OneTimeSecrets.normaliseCode(matcher.group(1))) : Optional.empty();
  }

  /**
   * Links the chat to the enabled account whose open code this is; a chat belongs to one account at a time.
   *
   * @return the username linked, empty for an unknown or expired code
   */
  public Optional<String> link(String code, long chatId) {
    Optional<StaffAccount> owner =
        accounts.findByTelegramCodeHash(OneTimeSecrets.hash(OneTimeSecrets.normaliseCode(code)))
            .filter(account -> account.isEnabled() && account.telegramCodeValidAt(clock.instant()));
    if (owner.isEmpty()) {
      return Optional.empty();
    }
    accounts.findByTelegramChatId(chatId)
        .filter(earlier -> !earlier.getId().equals(owner.get().getId()))
        .ifPresent(
            earlier -> {
              earlier.unlinkTelegram(now());
              accounts.saveAndFlush(earlier);
            });
    owner.get().linkTelegram(chatId, now());
    accounts.saveAndFlush(owner.get());
    log.info("Telegram chat linked to staff account '{}'", owner.get().getUsername());
    return Optional.of(owner.get().getUsername());
  }

  /** Whether the chat belongs to a staff member (linked), so what is written there is not a person's request. */
  @Transactional(readOnly = true)
  public boolean isStaffChat(long chatId) {
    return accounts.existsByTelegramChatId(chatId);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /** @param code as the person types it, e.g. {@code ABCD-EFGH} */
  public record LinkCode(String code, Instant expiresAt) {

    /** What to send the bot. */
    @JsonProperty("message")
    public String message() {
      return "/link " + code;
    }

    /** The payload of the bot's start link ({@code https://t.me/<bot>?start=...}). */
    @JsonProperty("startPayload")
    public String startPayload() {
      return "link-" + code.replace("-", "");
    }
  }
}
