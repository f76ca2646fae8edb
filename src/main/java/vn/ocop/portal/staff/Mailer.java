package vn.ocop.portal.staff;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * E-mail through SMTP (Jakarta Mail), when {@code OCOP_SMTP_HOST} is set. Without it the portal sends nothing and
 * shows invitation and reset links to the administrator to hand over.
 */
@Singleton
class Mailer {

    private static final Logger LOG = LoggerFactory.getLogger(Mailer.class);

    private final Session session;
    private final String from;

    Mailer(
            @Value("${ocop.mail.host:}") @Nullable String host,
            @Value("${ocop.mail.port:587}") int port,
            @Value("${ocop.mail.username:}") @Nullable String username,
            @Value("${ocop.mail.password:}") @Nullable String password,
            @Value("${ocop.mail.starttls:true}") boolean starttls,
            @Value("${ocop.mail.from:}") @Nullable String from) {
        if (host == null || host.isBlank()) {
            this.session = null;
            this.from = null;
            return;
        }
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", Integer.toString(port));
        properties.put("mail.smtp.starttls.enable", Boolean.toString(starttls));
        properties.put("mail.smtp.starttls.required", Boolean.toString(starttls));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.writetimeout", "10000");
        boolean authenticated = username != null && !username.isBlank();
        properties.put("mail.smtp.auth", Boolean.toString(authenticated));
        this.session = authenticated
                ? Session.getInstance(properties, new Authenticator() {
                    @Override
                    protected PasswordAuthentication getPasswordAuthentication() {
                        return new PasswordAuthentication(username, password);
                    }
                })
                : Session.getInstance(properties);
        this.from = from == null || from.isBlank() ? "no-reply@" + host : from;
    }

    boolean enabled() {
        return session != null;
    }

    /** Sends a plain-text message; false (logged) when the server refused it. */
    boolean send(String to, String subject, String text) {
        if (session == null) {
            return false;
        }
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(from));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
            message.setSubject(subject, "UTF-8");
            message.setText(text, "UTF-8");
            Transport.send(message);
            return true;
        } catch (MessagingException e) {
            LOG.warn("E-mail to an account could not be sent: {}", e.getMessage());
            return false;
        }
    }
}
