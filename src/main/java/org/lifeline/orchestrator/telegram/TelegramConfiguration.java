package org.lifeline.orchestrator.telegram;

import java.time.Clock;
import java.time.Duration;
import org.lifeline.orchestrator.assignment.AssignmentService;
import org.lifeline.orchestrator.contact.ContactDirectory;
import org.lifeline.orchestrator.contact.ContactRepository;
import org.lifeline.orchestrator.questionnaire.QuestionnaireConversation;
import org.lifeline.orchestrator.intake.Intake;
import org.lifeline.orchestrator.notification.Notifications;
import org.lifeline.orchestrator.request.HelpRequestRepository;
import org.lifeline.orchestrator.request.RequestLifecycle;
import org.lifeline.orchestrator.staff.TelegramLinks;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.transaction.support.TransactionTemplate;

/** The Telegram bot, when {@code lifeline.telegram.enabled=true}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "lifeline.telegram.enabled", havingValue = "true")
class TelegramConfiguration {

  private static final Duration HTTP_MARGIN = Duration.ofSeconds(10);

  @Bean
  TelegramBotApi telegramBotApi(TelegramProperties properties) {
    if (properties.botToken() == null || properties.botToken().isBlank()) {
      throw new IllegalStateException("lifeline.telegram.bot-token is required when the bot is enabled");
    }
    if (properties.updates() == TelegramProperties.Updates.WEBHOOK
        && (properties.webhookSecret() == null || properties.webhookSecret().length() < 16)) {
      throw new IllegalStateException("lifeline.telegram.webhook-secret (16+ characters) is required for the webhook");
    }
    return new TelegramBotApi(properties, properties.pollTimeout().plus(HTTP_MARGIN));
  }

  @Bean
  SendRateLimiter telegramRateLimiter(TelegramProperties properties, Clock clock) {
    return new SendRateLimiter(clock, properties.messagesPerSecond(), properties.perChatInterval());
  }

  @Bean
  TelegramMessageChannel telegramMessageChannel(TelegramBotApi api, SendRateLimiter limiter) {
    return new TelegramMessageChannel(api, limiter);
  }

  @Bean
  TelegramStaffNotifier telegramStaffNotifier(TelegramBotApi api, SendRateLimiter limiter) {
    return new TelegramStaffNotifier(api, limiter);
  }

  @Bean
  TelegramReplies telegramReplies(TelegramBotApi api, SendRateLimiter limiter, MessageSource messages) {
    return new TelegramReplies(api, limiter, messages);
  }

  @Bean
  TelegramDialogue telegramDialogue(
      ProcessedUpdateRepository processed,
      ContactDirectory contacts,
      HelpRequestRepository requests,
      RequestLifecycle lifecycle,
      Intake intake,
      TelegramReplies replies,
      TelegramQuestions questions,
      AssignmentService assignment,
      Notifications notifications,
      TelegramLinks staffChats,
      TransactionTemplate transaction,
      Clock clock) {
    return new TelegramDialogue(
        processed, contacts, requests, lifecycle, intake, replies, questions, assignment, notifications, staffChats,
        transaction, clock);
  }

  @Bean
  TelegramQuestions telegramQuestions(
      QuestionnaireConversation conversation,
      RequestLifecycle lifecycle,
      ContactRepository contactRepository,
      TelegramReplies replies) {
    return new TelegramQuestions(conversation, lifecycle, contactRepository, replies);
  }

  @Bean
  @ConditionalOnProperty(name = "lifeline.telegram.updates", havingValue = "polling")
  TelegramPoller telegramPoller(TelegramBotApi api, TelegramDialogue dialogue, TelegramProperties properties) {
    return new TelegramPoller(api, dialogue, properties.pollTimeout());
  }

  /** Telegram authenticates with the webhook secret, not with a user or API key. */
  @Bean
  @Order(0)
  SecurityFilterChain telegramWebhookSecurity(HttpSecurity http) throws Exception {
    return http.securityMatcher("/telegram/**")
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .build();
  }
}
