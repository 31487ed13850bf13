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
      MimeMessage email = new IdentifiedMimeMessage(mail.createMimeMessage(), message.alertId() + "@lifeline");
      MimeMessageHelper content = new MimeMessageHelper(email, StandardCharsets.UTF_8.name());
      content.setFrom(properties.email().from());
      content.setTo(to.email().orElseThrow());
      content.setSubject(message.subject());
      content.setText(message.text());
      mail.send(email);
    } catch (MessagingException | MailException failed) {
      throw new IllegalStateException("E-mail not sent: " + failed.getMessage(), failed);
    }
  }

  /** A message whose Message-ID is set by us (JavaMail would otherwise make a new one for every attempt). */
  private static final class IdentifiedMimeMessage extends MimeMessage {
    private final String id;

    IdentifiedMimeMessage(MimeMessage empty, String id) throws MessagingException {
      super(empty);
      this.id = id;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", "<" + id + ">");
    }
  }
}
