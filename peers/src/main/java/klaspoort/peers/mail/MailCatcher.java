package klaspoort.peers.mail;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * The mail catcher: an SMTP server on the loopback address that accepts every mail (GreenMail) and keeps it, plus a
 * small inbox page over plain HTTP to read what was sent. A plain class, so tests run it in-process:
 * <pre>{@code
 * try (MailCatcher mail = MailCatcher.builder().start()) {       // free ports
 *     mail.smtpPort();                                           // spring.mail.port of the app under test
 *     CaughtMail m = mail.awaitMail(to("ans@school.nl"), Duration.ofSeconds(10));
 *     m.links().getFirst();                                      // the link a reader would click
 * }
 * }</pre>
 */
public final class MailCatcher implements AutoCloseable {

    private final Builder config;
    private GreenMail smtp;
    private HttpServer inbox;
    private ExecutorService executor;

    private MailCatcher(Builder config) {
        this.config = config;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Matches mails delivered to this address (case-insensitive). */
    public static Predicate<CaughtMail> to(String address) {
        return mail -> mail.to().equalsIgnoreCase(address);
    }

    private MailCatcher listen() {
        String loopback = InetAddress.getLoopbackAddress().getHostAddress();
        smtp = new GreenMail(new ServerSetup(config.smtpPort, loopback, ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        // a mailbox per recipient, made on first delivery (GreenMail's own handler logs each address: not here)
        var users = smtp.getUserManager();
        users.setMessageDeliveryHandler((message, address) -> {
            var user = users.getUserByEmail(address.getEmail());
            return user != null ? user : users.createUser(address.getEmail(), address.getEmail(), address.getEmail());
        });
        if (config.inboxPort >= 0) {
            try {
                executor = Executors.newVirtualThreadPerTaskExecutor();
                inbox = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.inboxPort), 32);
                inbox.createContext("/", new InboxPage(this));
                inbox.setExecutor(executor);
                inbox.start();
            } catch (IOException e) {
                close();
                throw new UncheckedIOException("mail catcher inbox cannot listen", e);
            }
        }
        return this;
    }

    /** The SMTP port on the loopback address (no TLS, no authentication). */
    public int smtpPort() {
        return smtp.getSmtp().getPort();
    }

    /** The inbox page ({@code http://127.0.0.1:PORT/}), or null when it is off. */
    public URI inboxUrl() {
        return inbox == null ? null : URI.create("http://127.0.0.1:" + inbox.getAddress().getPort() + "/");
    }

    /** Every mail received so far, in arrival order (one entry per recipient). */
    public List<CaughtMail> mails() {
        record Stored(String to, StoredMessage message) {}
        List<Stored> stored = new ArrayList<>();
        for (GreenMailUser user : smtp.getUserManager().listUser()) {
            try {
                smtp.getManagers().getImapHostManager().getInbox(user).getMessages()
                        .forEach(message -> stored.add(new Stored(user.getEmail(), message)));
            } catch (FolderException e) {
                throw new IllegalStateException(e);
            }
        }
        stored.sort(Comparator.comparing((Stored s) -> s.message().getReceivedDate())
                .thenComparing(s -> s.message().getUid()));
        List<CaughtMail> mails = new ArrayList<>(stored.size());
        for (Stored s : stored) {
            mails.add(read(mails.size() + 1, s.to(), s.message()));
        }
        return mails;
    }

    /** The mails that match, in arrival order. */
    public List<CaughtMail> mails(Predicate<CaughtMail> filter) {
        return mails().stream().filter(filter).toList();
    }

    /**
     * The first mail that matches, waiting for the SMTP server to receive more until {@code timeout} has passed (the
     * wait ends as soon as a mail arrives, it never polls on a timer).
     *
     * @throws AssertionError when none arrived in time
     */
    public CaughtMail awaitMail(Predicate<CaughtMail> filter, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<CaughtMail> all = mails();
            for (CaughtMail mail : all) {
                if (filter.test(mail)) {
                    return mail;
                }
            }
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0 || !smtp.waitForIncomingEmail(left, all.size() + 1)) {
                throw new AssertionError("no matching mail within " + timeout + "; received: "
                        + all.stream().map(m -> m.subject() + " → " + m.to()).toList());
            }
        }
    }

    /** Forgets every mail. */
    public void clear() {
        try {
            smtp.purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (inbox != null) {
            inbox.stop(0);
        }
        if (executor != null) {
            executor.shutdownNow();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    private static CaughtMail read(int number, String to, StoredMessage stored) {
        MimeMessage message = stored.getMimeMessage();
        try {
            Parts parts = new Parts();
            parts.collect(message);
            String from = message.getFrom() == null || message.getFrom().length == 0 ? null
                    : ((InternetAddress) message.getFrom()[0]).getAddress();
            String[] languages = message.getContentLanguage();
            String replyTo = message.getHeader("Reply-To") == null ? null
                    : ((InternetAddress) message.getReplyTo()[0]).getAddress();
            return new CaughtMail(number, stored.getReceivedDate().toInstant(), from, to, message.getSubject(),
                    parts.text, parts.html, languages == null ? null : String.join(", ", languages), replyTo);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("unreadable mail " + number, e);
        }
    }

    /** The first text/plain and text/html parts of a (multipart) mail, attachments skipped. */
    private static final class Parts {
        String text;
        String html;

        void collect(Part part) throws MessagingException, IOException {
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return;
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart body = multipart.getBodyPart(i);
                    collect(body);
                }
            } else if (part.isMimeType("text/plain") && text == null) {
                text = (String) part.getContent();
            } else if (part.isMimeType("text/html") && html == null) {
                html = (String) part.getContent();
            }
        }
    }

    /** Settings; the defaults fit a test (free ports). */
    public static final class Builder {
        private int smtpPort;
        private int inboxPort;

        /** SMTP port; 0 (default) picks a free one. */
        public Builder smtpPort(int port) {
            this.smtpPort = port;
            return this;
        }

        /** Inbox page port; 0 (default) picks a free one, -1 switches it off. */
        public Builder inboxPort(int port) {
            this.inboxPort = port;
            return this;
        }

        public MailCatcher start() {
            return new MailCatcher(this).listen();
        }
    }
}
