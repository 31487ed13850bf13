package org.lifeline.orchestrator.staff;

import jakarta.validation.Validator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.lifeline.orchestrator.curator.Caller;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's staff pages: administrators list, invite, change, disable and enable staff; everyone changes their
 * own password and links their Telegram chat; an invited person sets their password. The same rules as the API
 * ({@link StaffAccounts}); refusals are shown on the page.
 */
@Controller
class StaffConsoleController {

  private static final String STAFF = "redirect:/console/staff";
  private static final String ACCOUNT = "redirect:/console/account";

  private final StaffAccounts accounts;
  private final TelegramLinks telegram;
  private final Validator validator;

  StaffConsoleController(StaffAccounts accounts, TelegramLinks telegram, Validator validator) {
    this.accounts = accounts;
    this.telegram = telegram;
    this.validator = validator;
  }

  @GetMapping("/console/staff")
  @PreAuthorize("hasRole('ADMIN')")
  String staff(Authentication authentication, Model model) {
    model.addAttribute("caller", Caller.of(authentication));
    model.addAttribute("staff", accounts.list());
    model.addAttribute("roles", StaffRole.values());
    return "console/staff";
  }

  @PostMapping("/console/staff")
  @PreAuthorize("hasRole('ADMIN')")
  String invite(
      @RequestParam String username,
      @RequestParam String displayName,
      @RequestParam(required = false) String email,
      @RequestParam(required = false) List<StaffRole> roles,
      Authentication authentication,
      RedirectAttributes redirect) {
    StaffDraft draft = new StaffDraft(username.strip(), displayName, email, rolesOf(roles));
    List<String> problems = StaffForms.problems(validator, draft);
    if (!problems.isEmpty()) {
      redirect.addFlashAttribute("problems", problems);
      redirect.addFlashAttribute("draft", draft);
      return STAFF;
    }
    try {
      InvitedStaff invited = accounts.invite(draft, authentication.getName());
      redirect.addFlashAttribute("invited", invited);
    } catch (ErrorResponseException refused) {
      redirect.addFlashAttribute("problems", List.of(StaffProblems.messageOf(refused)));
      redirect.addFlashAttribute("draft", draft);
    }
    return STAFF;
  }

  @GetMapping("/console/staff/{id}")
  @PreAuthorize("hasRole('ADMIN')")
  String member(@PathVariable String id, Authentication authentication, Model model) {
    model.addAttribute("caller", Caller.of(authentication));
    model.addAttribute("member", accounts.get(id));
    model.addAttribute("roles", StaffRole.values());
    return "console/staff-member";
  }

  @PostMapping("/console/staff/{id}")
  @PreAuthorize("hasRole('ADMIN')")
  String change(
      @PathVariable String id,
      @RequestParam String displayName,
      @RequestParam(required = false) String email,
      @RequestParam(required = false) List<StaffRole> roles,
      Authentication authentication,
      RedirectAttributes redirect) {
    StaffChange change = new StaffChange(displayName, email, rolesOf(roles));
    List<String> problems = StaffForms.problems(validator, change);
    if (!problems.isEmpty()) {
      redirect.addFlashAttribute("problems", problems);
      return memberPage(id);
    }
    return act(id, redirect, "Saved.", () -> accounts.change(id, change, authentication.getName()));
  }

  @PostMapping("/console/staff/{id}/disable")
  @PreAuthorize("hasRole('ADMIN')")
  String disable(@PathVariable String id, Authentication authentication, RedirectAttributes redirect) {
    return act(id, redirect, "Disabled: no more logins or alerts.", () -> accounts.disable(id, authentication.getName()));
  }

  @PostMapping("/console/staff/{id}/enable")
  @PreAuthorize("hasRole('ADMIN')")
  String enable(@PathVariable String id, Authentication authentication, RedirectAttributes redirect) {
    return act(id, redirect, "Enabled.", () -> accounts.enable(id, authentication.getName()));
  }

  @PostMapping("/console/staff/{id}/invitation")
  @PreAuthorize("hasRole('ADMIN')")
  String reinvite(@PathVariable String id, Authentication authentication, RedirectAttributes redirect) {
    try {
      redirect.addFlashAttribute("invited", accounts.reinvite(id, authentication.getName()));
    } catch (ErrorResponseException refused) {
      redirect.addFlashAttribute("problems", List.of(StaffProblems.messageOf(refused)));
    }
    return memberPage(id);
  }

  @GetMapping("/console/account")
  String account(Authentication authentication, Model model) {
    model.addAttribute("caller", Caller.of(authentication));
    model.addAttribute("me", accounts.get(authentication.getName()));
    model.addAttribute("minPasswordLength", accounts.minPasswordLength());
    return "console/account";
  }

  @PostMapping("/console/account/password")
  String changePassword(
      @RequestParam String currentPassword,
      @RequestParam String newPassword,
      @RequestParam String repeatPassword,
      Authentication authentication,
      RedirectAttributes redirect) {
    if (!newPassword.equals(repeatPassword)) {
      redirect.addFlashAttribute("problems", List.of("The new password and its repetition differ."));
      return ACCOUNT;
    }
    try {
      accounts.changePassword(authentication.getName(), currentPassword, newPassword);
      redirect.addFlashAttribute("message", "Your password is changed.");
    } catch (StaffProblems.InvalidPassword invalid) {
      redirect.addFlashAttribute("problems", StaffForms.describe(invalid));
    } catch (ErrorResponseException refused) {
      redirect.addFlashAttribute("problems", List.of(StaffProblems.messageOf(refused)));
    }
    return ACCOUNT;
  }

  @PostMapping("/console/account/telegram")
  String offerTelegramLink(Authentication authentication, RedirectAttributes redirect) {
    try {
      redirect.addFlashAttribute("linkCode", telegram.offer(authentication.getName()));
    } catch (ErrorResponseException refused) {
      redirect.addFlashAttribute("problems", List.of(StaffProblems.messageOf(refused)));
    }
    return ACCOUNT;
  }

  @PostMapping("/console/account/telegram/unlink")
  String unlinkTelegram(Authentication authentication, RedirectAttributes redirect) {
    telegram.unlink(authentication.getName());
    redirect.addFlashAttribute("message", "Alerts no longer go to Telegram.");
    return ACCOUNT;
  }

  /** The page an invitation link opens (no login: the token is the authorisation). */
  @GetMapping("/console/invitation/{token}")
  String invitation(@PathVariable String token, Model model) {
    try {
      model.addAttribute("invited", accounts.invited(token));
    } catch (StaffProblems.NotFound gone) {
      model.addAttribute("invalid", StaffProblems.messageOf(gone));
    }
    model.addAttribute("token", token);
    model.addAttribute("minPasswordLength", accounts.minPasswordLength());
    return "console/invitation";
  }

  @PostMapping("/console/invitation/{token}")
  String acceptInvitation(
      @PathVariable String token,
      @RequestParam String password,
      @RequestParam String repeatPassword,
      RedirectAttributes redirect) {
    if (!password.equals(repeatPassword)) {
      redirect.addFlashAttribute("problems", List.of("The password and its repetition differ."));
      return "redirect:/console/invitation/" + token;
    }
    try {
      String username = accounts.acceptInvitation(token, password);
      return "redirect:/console/login?welcome=" + username;
    } catch (StaffProblems.InvalidPassword invalid) {
      redirect.addFlashAttribute("problems", StaffForms.describe(invalid));
    } catch (StaffProblems.NotFound gone) {
      redirect.addFlashAttribute("problems", List.of(StaffProblems.messageOf(gone)));
    }
    return "redirect:/console/invitation/" + token;
  }

  private String act(String id, RedirectAttributes redirect, String done, Runnable action) {
    try {
      action.run();
      redirect.addFlashAttribute("message", done);
    } catch (ErrorResponseException refused) {
      redirect.addFlashAttribute("problems", List.of(StaffProblems.messageOf(refused)));
    }
    return memberPage(id);
  }

  private static String memberPage(String id) {
    return "redirect:/console/staff/" + id;
  }

  private static Set<StaffRole> rolesOf(List<StaffRole> roles) {
    return roles == null || roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
  }
}
