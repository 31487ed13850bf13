package org.lifeline.orchestrator.platform.ratelimit;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.PlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The one-time feedback links, answered without credentials, are limited per address like the intake. */
@PlatformTest
class PublicWritePathsAreLimitedTest {

  @Autowired MockMvc mvc;

  @Test
  void guessingFeedbackLinksFromOneAddressIsSlowedDown() throws Exception {
    RequestPostProcessor fromOneAddress =
        request -> {
          request.setRemoteAddr("198.51.100.77");
          return request;
        };
    for (int i = 0; i < 20; i++) {
      mvc.perform(post("/api/v1/feedback/guess-{n}", i).with(fromOneAddress).contentType(MediaType.APPLICATION_JSON).content("{\"rating\":5}"))
          .andExpect(status().isNotFound());
    }
    mvc.perform(post("/api/v1/feedback/guess-20").with(fromOneAddress).contentType(MediaType.APPLICATION_JSON).content("{\"rating\":5}"))
        .andExpect(status().isTooManyRequests())
        .andExpect(header().exists("Retry-After"))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }
}
