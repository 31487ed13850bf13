package org.lifeline.orchestrator.assignment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;

/**
 * What a curator or admin enters about a specialist (JSON body of create/update, or one CSV row).
 *
 * @param username optional login of the specialist in the console, unique
 * @param languages language codes (ISO 639-1, lower case) the specialist works in
 * @param topics topic codes of the questionnaire the specialist covers
 * @param timeZone the time zone of {@code shifts}
 * @param maxCases how many cases the specialist takes at the same time
 */
public record SpecialistDraft(
    @NotBlank @Size(max = 200) String name,
    @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "may contain letters, digits and . _ @ - only")
        String username,
    @NotEmpty Set<@NotNull @Pattern(regexp = "[a-z]{2}", message = "must be a two-letter language code such as en")
        String> languages,
    @NotEmpty Set<@NotNull @Pattern(regexp = Topics.PATTERN, message = "must be one of " + Topics.PATTERN) String> topics,
    @NotEmpty Set<@NotNull AgeGroup> ageGroups,
    @NotBlank @TimeZoneId String timeZone,
    @NotNull @Min(1) @Max(100) Integer maxCases,
    @NotEmpty @Size(max = 50) List<@NotNull @Valid ShiftInput> shifts) {}
