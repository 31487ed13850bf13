package org.lifeline.orchestrator.platform.security;

import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Password logins of staff kept outside the configuration (the staff accounts in the database). Asked after the
 * configured users ({@code lifeline.security.users}), whose names it must not reuse; an account that may not log in
 * (disabled, no password yet) is answered as not found or not enabled.
 */
public interface StaffLoginDirectory extends UserDetailsService {}
