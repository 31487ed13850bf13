package org.lifeline.orchestrator.staff;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** What every staff member does for themselves: see their account, change their password, link Telegram. */
@RestController
@RequestMapping("/api/v1/staff")
@Tag(name = "Staff")
class StaffSelfController {

  private final StaffAccounts accounts;
  private final TelegramLinks telegram;

  StaffSelfController(StaffAccounts accounts, TelegramLinks telegram) {
    this.accounts = accounts;
    this.telegram = telegram;
  }

  @GetMapping("/me")
  @PreAuthorize("hasAnyRole('CURATOR', 'SPECIALIST', 'SUPERVISOR', 'ADMIN')")
  @Operation(summary = "The caller's own account")
  StaffView me(Authentication caller) {
    return accounts.get(caller.getName());
  }

  @PutMapping("/me/password")
  @PreAuthorize("hasAnyRole('CURATOR', 'SPECIALIST', 'SUPERVISOR', 'ADMIN')")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Change one's own password: {currentPassword, newPassword}")
  void changePassword(@Valid @RequestBody PasswordChange change, Authentication caller) {
    accounts.changePassword(caller.getName(), change.currentPassword(), change.newPassword());
  }

  @PostMapping("/me/telegram-link")
  @PreAuthorize("hasAnyRole('CURATOR', 'SPECIALIST', 'SUPERVISOR', 'ADMIN')")
  @Operation(summary = "A one-time code to send the bot (/link CODE) so alerts reach one's Telegram chat")
  TelegramLinks.LinkCode offerTelegramLink(Authentication caller) {
    return telegram.offer(caller.getName());
  }

  @DeleteMapping("/me/telegram-link")
  @PreAuthorize("hasAnyRole('CURATOR', 'SPECIALIST', 'SUPERVISOR', 'ADMIN')")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Stop alerts in Telegram")
  void unlinkTelegram(Authentication caller) {
    telegram.unlink(caller.getName());
  }

  /** Open to anyone: the one-time token in the path is the authorisation. */
  @PostMapping("/invitations/{token}")
  @PreAuthorize("permitAll()")
  @Operation(summary = "Set one's password through an invitation link: {password}; the login works at once")
  AcceptedInvitation acceptInvitation(@PathVariable String token, @Valid @RequestBody NewPassword body) {
    return new AcceptedInvitation(accounts.acceptInvitation(token, body.password()));
  }

  record PasswordChange(@NotNull String currentPassword, @NotNull String newPassword) {}

  record NewPassword(@NotNull String password) {}

  record AcceptedInvitation(String username) {}
}
