package org.lifeline.orchestrator.chat;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lifeline.orchestrator.escalation.CrisisResources;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The web chat's page: in the language asked for ({@code ?lang=}), else the browser's first of ru, uk and en, else
 * English. Its texts are in messages/chat*.properties; the crisis lines are the configured ones for that language.
 */
@Controller
class ChatPageController {

  static final List<String> LANGUAGES = List.of("en", "ru", "uk");
  private static final Set<String> KNOWN = Set.copyOf(LANGUAGES);

  private final CrisisResources crisis;
  private final MessageSource texts;
  private final String leaveTo;

  ChatPageController(
      CrisisResources crisis,
      MessageSource texts,
      @Value("${lifeline.chat.leave-quickly-url:https://www.google.com/search?q=weather}") String leaveTo) {
    this.crisis = crisis;
    this.texts = texts;
    this.leaveTo = leaveTo;
  }

  @GetMapping("/chat")
  String page(@RequestParam(name = "lang", required = false) String asked, HttpServletRequest request, Model model) {
    String language = asked != null && KNOWN.contains(asked) ? asked : fromBrowser(request);
    model.addAttribute("texts", new Texts(texts, Locale.forLanguageTag(language)));
    model.addAttribute("language", language);
    model.addAttribute("languages", LANGUAGES);
    model.addAttribute("crisisLines", CrisisLinePart.of(crisis.linesFor(language)));
    model.addAttribute("leaveTo", leaveTo);
    return "chat/chat";
  }

  /** The page's texts in its language (the browser's Accept-Language may name another one). */
  record Texts(MessageSource source, Locale locale) {
    public String of(String key) {
      return source.getMessage(key, null, locale);
    }
  }

  /**
   * A piece of the crisis lines' text: a phone number (three digits or more, as written: "112", "+380 800 500 335";
   * groups joined by one space or hyphen) is a {@code tel:} link, so a phone calls it with one tap.
   *
   * @param tel the number to dial (digits and a leading +), or null for plain text
   */
  record CrisisLinePart(String text, String tel) {
    private static final Pattern NUMBER = Pattern.compile("\\+?\\d+(?:[ -]\\d+)*");

    static List<CrisisLinePart> of(String lines) {
      List<CrisisLinePart> parts = new ArrayList<>();
      Matcher number = NUMBER.matcher(lines);
      int from = 0;
      while (number.find()) {
        String dial = number.group().replaceAll("[ -]", "");
        if (dial.replace("+", "").length() < 3) {
          continue;
        }
        if (number.start() > from) {
          parts.add(new CrisisLinePart(lines.substring(from, number.start()), null));
        }
        parts.add(new CrisisLinePart(number.group(), dial));
        from = number.end();
      }
      if (from < lines.length()) {
        parts.add(new CrisisLinePart(lines.substring(from), null));
      }
      return parts;
    }
  }

  private static String fromBrowser(HttpServletRequest request) {
    for (Locale.LanguageRange range : ranges(request.getHeader("Accept-Language"))) {
      String primary = Locale.forLanguageTag(range.getRange()).getLanguage();
      if (KNOWN.contains(primary)) {
        return primary;
      }
    }
    return "en";
  }

  private static List<Locale.LanguageRange> ranges(String header) {
    try {
      return header == null || header.isBlank() ? List.of() : Locale.LanguageRange.parse(header);
    } catch (IllegalArgumentException malformed) {
      return List.of();
    }
  }
}
