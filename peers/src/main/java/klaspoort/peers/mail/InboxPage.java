package klaspoort.peers.mail;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catcher's inbox over plain HTTP on 127.0.0.1, for people and scripts:
 * <ul>
 * <li>{@code GET /} — the mails, newest first (HTML)</li>
 * <li>{@code GET /mails/{n}} — one mail: headers and the plain text with its links clickable (HTML)</li>
 * <li>{@code GET /mails/{n}/html} — the mail's HTML part as the recipient sees it (no scripts, no outside content)</li>
 * <li>{@code GET /api/mails} — every mail as JSON ({@link CaughtMail}'s fields)</li>
 * <li>{@code DELETE /api/mails} — forget every mail</li>
 * </ul>
 */
final class InboxPage implements HttpHandler {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern MAIL = Pattern.compile("/mails/(\\d+)(/html)?");
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d-M-yyyy HH:mm:ss")
            .withZone(ZoneId.of("Europe/Amsterdam"));
    private static final String STYLE = """
            <style>body{font-family:system-ui,sans-serif;margin:2rem;color:#1b2733}table{border-collapse:collapse}
            td,th{padding:.35rem .8rem;border-bottom:1px solid #d5dde5;text-align:left}pre{white-space:pre-wrap;
            background:#f4f7fa;padding:1rem;max-width:60rem}a{color:#0b5cad}</style>""";

    private final MailCatcher catcher;

    InboxPage(MailCatcher catcher) {
        this.catcher = catcher;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/api/mails")) {
                if (method.equals("GET")) {
                    send(exchange, 200, "application/json", JSON.writeValueAsBytes(catcher.mails()));
                } else if (method.equals("DELETE")) {
                    catcher.clear();
                    exchange.sendResponseHeaders(204, -1);
                } else {
                    send(exchange, 405, "text/plain", "GET or DELETE".getBytes(StandardCharsets.UTF_8));
                }
                return;
            }
            if (!method.equals("GET")) {
                send(exchange, 405, "text/plain", "GET only".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (path.equals("/")) {
                page(exchange, 200, list(catcher.mails().reversed()));
                return;
            }
            Matcher matcher = MAIL.matcher(path);
            List<CaughtMail> mails = catcher.mails();
            int number = matcher.matches() ? Integer.parseInt(matcher.group(1)) : 0;
            if (number < 1 || number > mails.size()) {
                page(exchange, 404, "<h1>Niet gevonden</h1><p><a href=\"/\">Naar de inbox</a></p>");
                return;
            }
            CaughtMail mail = mails.get(number - 1);
            if (matcher.group(2) != null) {
                // the mail's own HTML, shown as a mail client would: no scripts, nothing loaded from elsewhere
                exchange.getResponseHeaders().set("Content-Security-Policy",
                        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'");
                send(exchange, mail.html() == null ? 404 : 200, "text/html; charset=utf-8",
                        (mail.html() == null ? "geen HTML-deel" : mail.html()).getBytes(StandardCharsets.UTF_8));
            } else {
                page(exchange, 200, detail(mail));
            }
        }
    }

    private static String list(List<CaughtMail> mails) {
        StringBuilder html = new StringBuilder("<h1>Verzonden e-mails</h1>");
        if (mails.isEmpty()) {
            return html.append("<p>Nog geen e-mails ontvangen.</p>").toString();
        }
        html.append("<table><thead><tr><th>#</th><th>Ontvangen</th><th>Aan</th><th>Onderwerp</th></tr></thead><tbody>");
        for (CaughtMail mail : mails) {
            html.append("<tr><td>").append(mail.number()).append("</td><td>").append(TIME.format(mail.received()))
                    .append("</td><td>").append(escape(mail.to())).append("</td><td><a href=\"/mails/")
                    .append(mail.number()).append("\">").append(escape(mail.subject())).append("</a></td></tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    private static String detail(CaughtMail mail) {
        StringBuilder html = new StringBuilder("<p><a href=\"/\">← Inbox</a></p><h1>")
                .append(escape(mail.subject())).append("</h1><table>")
                .append(row("Van", mail.from())).append(row("Aan", mail.to()))
                .append(row("Ontvangen", TIME.format(mail.received()))).append(row("Taal", mail.language()))
                .append("</table>");
        if (mail.html() != null) {
            html.append("<p><a href=\"/mails/").append(mail.number()).append("/html\">HTML-versie</a></p>");
        }
        if (mail.text() != null) {
            Matcher links = LINK.matcher(mail.text());
            StringBuilder text = new StringBuilder();
            int at = 0;
            while (links.find()) {
                text.append(escape(mail.text().substring(at, links.start())))
                        .append("<a href=\"").append(escape(links.group())).append("\">")
                        .append(escape(links.group())).append("</a>");
                at = links.end();
            }
            text.append(escape(mail.text().substring(at)));
            html.append("<pre>").append(text).append("</pre>");
        }
        return html.toString();
    }

    private static String row(String label, String value) {
        return "<tr><th>" + label + "</th><td>" + escape(value == null ? "" : value) + "</td></tr>";
    }

    private static void page(HttpExchange exchange, int status, String body) throws IOException {
        String html = "<!doctype html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Mail catcher</title>"
                + STYLE + "</head><body>" + body + "</body></html>";
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        send(exchange, status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
