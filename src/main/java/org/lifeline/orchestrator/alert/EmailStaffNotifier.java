package org.lifeline.orchestrator.alert;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.lifeline.orchestrator.staff.StaffContact;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Alerts by e-mail through the SMTP server of {@code spring.mail.*}, when {@code lifeline.alerts.email.enabled}. The
 * Message-ID is the alert's id, so a retried send is recognisably the same message.
 */
@Component
@ConditionalOnProperty(name = "lifeline.alerts.email.enabled", havingValue = "true")
class EmailStaffNotifier implements StaffNotifier {

  private final JavaMailSender mail;
  private final AlertProperties properties;

  EmailStaffNotifier(JavaMailSender mail, AlertProperties properties) {
    if (properties.email().from() == null || properties.email().from().isBlank()) {
      throw new IllegalStateException("lifeline.alerts.email.from is required when e-mail alerts are enabled");
    }
    this.mail = mail;
    this.properties = properties;
  }

  @Override
  public AlertChannel channel() {
    return AlertChannel.EMAIL;
  }

  @Override
  public boolean reaches(StaffContact contact) {
    return contact.email().isPresent();
  }

  @Override
  public void send(StaffContact to, AlertMessage message) {
    try {
      MimeMessage email = mail.createMimeMessage();
      MimeMessageHelper content = new MimeMessageHelper(email, StandardCharsets.UTF_8.name());
      content.setFrom(properties.email().from());
      content.setTo(to.email().orElseThrow());
      content.setSubject(message.subject());
      content.setText(message.text());
      // JavaMailSenderImpl keeps a Message-ID set before sending.
      email.setHeader("Message-ID", "<" + message.alertId() + "@lifeline>");
      mail.send(email);
    } catch (MessagingException | MailException failed) {
      throw new IllegalStateException("E-mail not sent: " + failed.getMessage(), failed);
    }
  }
}
