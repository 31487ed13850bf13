package org.lifeline.orchestrator.benchmark;

import java.util.ArrayList;
import java.util.List;
import org.lifeline.orchestrator.benchmark.PlatformHttp.Caller;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The people of the benchmark and their logins, configured into the platform at its start as any deployment
 * configures its users ({@code lifeline.security.users}): an administrator (CSV imports of specialists, the task
 * board) and one login per specialist, whose username is the one of their registry entry, so the case and task APIs
 * recognise them as the specialist holding a request.
 *
 * <p>The API is stateless: every call of a person checks the password. The passwords are bcrypt hashes of cost 4
 * (the demo users' cost 10 takes tens of milliseconds of CPU per call), because a specialist working in the console
 * logs in once per session, not once per click; the benchmark measures the platform's work, not password hashing.
 */
final class Logins {

  static final String ADMIN = "bench-admin";
  private static final String PASSWORD = "bench";
  private static final String HASH = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);

  private Logins() {}

  static Caller admin() {
    return Caller.login(ADMIN, PASSWORD);
  }

  static Caller specialist(String username) {
    return Caller.login(username, PASSWORD);
  }

  /** Command-line arguments for the platform: these users replace the configured (demo) ones. */
  static List<String> platformArguments(List<String> specialistUsernames) {
    List<String> arguments = new ArrayList<>();
    user(arguments, 0, ADMIN, "ADMIN,CURATOR");
    for (int i = 0; i < specialistUsernames.size(); i++) {
      user(arguments, i + 1, specialistUsernames.get(i), "SPECIALIST");
    }
    return arguments;
  }

  private static void user(List<String> arguments, int index, String username, String roles) {
    String prefix = "--lifeline.security.users[" + index + "].";
    arguments.add(prefix + "username=" + username);
    arguments.add(prefix + "password-hash=" + HASH);
    arguments.add(prefix + "roles=" + roles);
  }
}
