package org.lifeline.orchestrator.conversation;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A canned response as curators and supervisors write it.
 *
 * @param category what it is for: first-contact, scheduling, check-in, closing or other
 * @param text at most 2000 characters, so that a reply built on it stays within a reply's 4000
 */
record CannedResponseInput(
    @JsonDeserialize(using = StrictText.class)
        @NotNull(message = "is required; a language code such as en, ru or uk")
        @Pattern(regexp = PlainText.LANGUAGE, message = PlainText.LANGUAGE_MESSAGE)
        String language,
    @JsonDeserialize(using = StrictText.class)
        @NotNull(message = "is required; one of " + CannedResponseInput.CATEGORIES_LIST)
        @Pattern(regexp = CannedResponseInput.CATEGORIES, message = "must be one of " + CannedResponseInput.CATEGORIES_LIST)
        String category,
    @JsonDeserialize(using = StrictText.class)
        @NotBlank
        @Size(max = 100)
        @Pattern(regexp = "[\\P{Cc}]*", message = "must be one line without control characters")
        String title,
    @JsonDeserialize(using = StrictText.class)
        @NotBlank
        @Size(max = 2000)
        @Pattern(regexp = PlainText.PATTERN, message = PlainText.MESSAGE)
        String text) {

  static final String CATEGORIES = "first-contact|scheduling|check-in|closing|other";
  static final String CATEGORIES_LIST = "first-contact, scheduling, check-in, closing, other";
}
