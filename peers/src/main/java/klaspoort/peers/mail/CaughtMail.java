package klaspoort.peers.mail;

import java.time.Instant;
import java.util.List;

/**
 * One mail the catcher received, as a test or the inbox page reads it.
 *
 * @param number   its place in arrival order, from 1
 * @param received when the SMTP server took it
 * @param from     the From address
 * @param to       the recipient this copy was delivered to (one copy per recipient, as a real mailbox has)
 * @param subject  the decoded subject
 * @param text     the text/plain part (null when the mail has none)
 * @param html     the text/html part (null when the mail has none)
 * @param language the Content-Language header (null when absent)
 * @param replyTo  the Reply-To address (null when absent)
 */
public record CaughtMail(int number, Instant received, String from, String to, String subject, String text, String html,
        String language, String replyTo) {

    /** Every http(s) link in the plain text, in order: what a test follows, as a reader would click. */
    public List<String> links() {
        return text == null ? List.of()
                : java.util.regex.Pattern.compile("https?://[^\\s<>\"]+").matcher(text).results()
                        .map(m -> m.group()).toList();
    }
}
