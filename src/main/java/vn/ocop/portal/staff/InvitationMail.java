package vn.ocop.portal.staff;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Locale;

/**
 * The e-mails with an invitation or password reset link, in Vietnamese then English (the portal does not know the
 * reader's language yet), from the staff bundle.
 */
@Singleton
class InvitationMail {

    private final Mailer mailer;
    private final MessageSource messages;
    private final String baseUrl;
    private final StaffSettings settings;

    InvitationMail(
            Mailer mailer,
            @Named("staff") MessageSource messages,
            @Value("${ocop.public-base-url}") String baseUrl,
            StaffSettings settings) {
        this.mailer = mailer;
        this.messages = messages;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.settings = settings;
    }

    boolean enabled() {
        return mailer.enabled();
    }

    String linkUrl(String token) {
        return baseUrl + "/account/link/" + token;
    }

    /** Sends the link; false when there is no SMTP server or it refused (the link is then shown instead). */
    boolean send(Account account, AccountLinks.Purpose purpose, String token) {
        if (!mailer.enabled()) {
            return false;
        }
        String kind = purpose == AccountLinks.Purpose.INVITATION ? "invitation" : "reset";
        String hours = Long.toString(settings.linkLifetime().toHours());
        String subject =
                text("staff.mail." + kind + ".subject", "vi") + " / " + text("staff.mail." + kind + ".subject", "en");
        String body = String.join(
                "\n",
                text("staff.mail.greeting", "vi", account.displayName()),
                "",
                text("staff.mail." + kind + ".text", "vi", hours),
                linkUrl(token),
                "",
                text("staff.mail.ignore", "vi"),
                "",
                "----",
                "",
                text("staff.mail.greeting", "en", account.displayName()),
                "",
                text("staff.mail." + kind + ".text", "en", hours),
                linkUrl(token),
                "",
                text("staff.mail.ignore", "en"));
        return mailer.send(account.email(), subject, body);
    }

    private String text(String key, String language, Object... arguments) {
        return messages.getMessage(key, Locale.forLanguageTag(language), arguments)
                .orElse(key);
    }
}
