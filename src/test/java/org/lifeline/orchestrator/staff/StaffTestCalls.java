package org.lifeline.orchestrator.staff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** What the staff tests share: reading an invitation's token, calling from an address of one's own. */
public final class StaffTestCalls {

  private StaffTestCalls() {}

  /** The one-time token at the end of an invitation's link. */
  public static String tokenOf(JsonNode invited) {
    String url = invited.at("/invitation/url").asText();
    return url.substring(url.lastIndexOf('/') + 1);
  }

  /** The invitation endpoint is rate-limited per address for anonymous callers: each call of a test has its own. */
  public static RequestPostProcessor anotherAddress() {
    String address = "198.18." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(1, 255);
    return request -> {
      request.setRemoteAddr(address);
      return request;
    };
  }
}
