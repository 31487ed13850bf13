package org.lifeline.orchestrator.staff;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administrators keep the staff accounts: invite, change roles, disable and enable; {id} is the id or the username. */
@RestController
@RequestMapping("/api/v1/admin/staff")
@Tag(name = "Staff")
@PreAuthorize("hasRole('ADMIN')")
class StaffAdminController {

  private final StaffAccounts accounts;

  StaffAdminController(StaffAccounts accounts) {
    this.accounts = accounts;
  }

  @PostMapping
  @Operation(summary = "Invite a staff member: 201 with the one-time link to set their password (shown only here)")
  ResponseEntity<InvitedStaff> invite(@Valid @RequestBody StaffDraft draft, Authentication caller) {
    InvitedStaff invited = accounts.invite(draft, caller.getName());
    return ResponseEntity.created(URI.create("/api/v1/admin/staff/" + invited.staff().id())).body(invited);
  }

  @GetMapping
  @Operation(summary = "Everyone who logs in: configured users and staff accounts, by username")
  StaffList list() {
    return new StaffList(accounts.list());
  }

  @GetMapping("/{id}")
  @Operation(summary = "One staff member")
  StaffView get(@PathVariable String id) {
    return accounts.get(id);
  }

  @PutMapping("/{id}")
  @Operation(summary = "Change the name, e-mail and roles (the username stays)")
  StaffView change(@PathVariable String id, @Valid @RequestBody StaffChange change, Authentication caller) {
    return accounts.change(id, change, caller.getName());
  }

  @PostMapping("/{id}/disable")
  @Operation(summary = "No more logins or alerts; console sessions end at their next page")
  StaffView disable(@PathVariable String id, Authentication caller) {
    return accounts.disable(id, caller.getName());
  }

  @PostMapping("/{id}/enable")
  @Operation(summary = "Allow logins and alerts again")
  StaffView enable(@PathVariable String id, Authentication caller) {
    return accounts.enable(id, caller.getName());
  }

  @PostMapping("/{id}/invitation")
  @Operation(summary = "A new one-time link to set the password (lost or expired link, forgotten password)")
  InvitedStaff reinvite(@PathVariable String id, Authentication caller) {
    return accounts.reinvite(id, caller.getName());
  }

  record StaffList(List<StaffView> staff) {}
}
