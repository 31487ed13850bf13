package org.lifeline.orchestrator.intake;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.lifeline.orchestrator.contact.Channel;
import org.lifeline.orchestrator.platform.PlainText;

/**
 * A new request for help as a bot, web form or partner system sends it.
 *
 * @param channelUserId the person's handle on the channel: ASCII letters, digits and {@code . _ : @ + = -}
 * @param age the age the person stated, if any
 * @param message the person's first message (sensitive: stored, never sent to the engine)
 */
public record IntakeRequest(
    @NotNull(message = "is required; one of telegram, web, api, email (chat: POST /api/v1/chat/sessions)") Channel channel,
    @NotBlank @Size(max = 200) @Pattern(regexp = PlainText.HANDLE, message = PlainText.HANDLE_MESSAGE) String channelUserId,
    @Size(max = 200) String displayName,
    @Min(value = 1, message = "must be between 1 and 120") @Max(value = 120, message = "must be between 1 and 120")
        Integer age,
    @Pattern(regexp = "[a-z]{2}(-[A-Za-z]{2})?", message = "must be a language code such as en, ru or uk") String language,
    @Size(max = 4096) String message) {}
