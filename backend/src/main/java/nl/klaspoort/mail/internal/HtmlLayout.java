package nl.klaspoort.mail.internal;

import java.util.Locale;
import org.springframework.web.util.HtmlUtils;
import nl.klaspoort.mail.internal.MailDocument.Block;
import nl.klaspoort.mail.internal.MailDocument.Button;
import nl.klaspoort.mail.internal.MailDocument.Facts;
import nl.klaspoort.mail.internal.MailDocument.Heading;
import nl.klaspoort.mail.internal.MailDocument.Link;
import nl.klaspoort.mail.internal.MailDocument.Paragraph;
import nl.klaspoort.mail.internal.MailDocument.Points;
import nl.klaspoort.mail.internal.MailDocument.Quote;
import nl.klaspoort.mail.internal.MailDocument.Table;

/**
 * The HTML body: one centred column of at most 600 px, table layout and inline styles (what mail clients render
 * alike), no images, no scripts, every text escaped.
 */
final class HtmlLayout {

    private static final String FONT = "font-family:Arial,Helvetica,sans-serif;";
    private static final String TEXT = FONT + "font-size:16px;line-height:1.5;color:#1b2733;";
    private static final String P = "margin:0 0 16px;";
    private static final String BRAND = "#1f4e79";

    private HtmlLayout() {}

    static String render(MailDocument mail, Locale language) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<!doctype html><html lang=\"").append(language.getLanguage()).append("\"><head>")
                .append("<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(escape(mail.subject())).append("</title></head>")
                .append("<body style=\"margin:0;padding:0;background:#f3f5f8;\">");
        if (mail.preview() != null) {
            html.append("<div style=\"display:none;max-height:0;overflow:hidden;\">").append(escape(mail.preview()))
                    .append("</div>");
        }
        html.append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"background:#f3f5f8;\">")
                .append("<tr><td align=\"center\" style=\"padding:24px 12px;\">")
                .append("<table role=\"presentation\" width=\"600\" cellpadding=\"0\" cellspacing=\"0\" ")
                .append("style=\"width:100%;max-width:600px;background:#ffffff;border-radius:6px;\">")
                .append("<tr><td style=\"background:").append(BRAND).append(";border-radius:6px 6px 0 0;padding:16px 24px;")
                .append(FONT).append("font-size:20px;font-weight:bold;color:#ffffff;\">Klaspoort</td></tr>")
                .append("<tr><td style=\"padding:24px;").append(TEXT).append("\">");
        if (mail.greeting() != null) {
            html.append("<p style=\"").append(P).append("\">").append(escape(mail.greeting())).append("</p>");
        }
        for (Block block : mail.blocks()) {
            block(html, block);
        }
        html.append("<p style=\"margin:24px 0 0;\">").append(String.join("<br>",
                mail.signature().stream().map(HtmlLayout::escape).toList())).append("</p>")
                .append("</td></tr><tr><td style=\"padding:16px 24px;border-top:1px solid #d5dde5;").append(FONT)
                .append("font-size:13px;line-height:1.4;color:#4a5a6a;\">").append(escape(mail.footer()))
                .append("</td></tr></table></td></tr></table></body></html>");
        return html.toString();
    }

    private static void block(StringBuilder html, Block block) {
        switch (block) {
            case Paragraph p -> html.append("<p style=\"").append(P).append("\">").append(escape(p.text())).append("</p>");
            case Heading h -> html.append("<h2 style=\"margin:24px 0 8px;font-size:18px;color:").append(BRAND)
                    .append(";\">").append(escape(h.text())).append("</h2>");
            case Button b -> html.append("<p style=\"margin:24px 0;\"><a href=\"").append(escape(b.link().toString()))
                    .append("\" style=\"display:inline-block;background:").append(BRAND)
                    .append(";color:#ffffff;text-decoration:none;font-weight:bold;padding:12px 24px;border-radius:4px;\">")
                    .append(escape(b.label())).append("</a></p>")
                    .append("<p style=\"").append(P).append("font-size:13px;color:#4a5a6a;word-break:break-all;\">")
                    .append(escape(b.link().toString())).append("</p>");
            case Link l -> html.append("<p style=\"").append(P).append("\"><a href=\"").append(escape(l.link().toString()))
                    .append("\" style=\"color:#0b5cad;\">").append(escape(l.label())).append("</a></p>");
            case Facts f -> {
                html.append("<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" style=\"margin:0 0 16px;\">");
                f.facts().forEach(fact -> html.append("<tr><td style=\"padding:2px 16px 2px 0;color:#4a5a6a;vertical-align:top;\">")
                        .append(escape(fact.label())).append("</td><td style=\"padding:2px 0;\">")
                        .append(escape(fact.value())).append("</td></tr>"));
                html.append("</table>");
            }
            case Quote q -> html.append("<blockquote style=\"margin:0 0 16px;padding:8px 16px;border-left:4px solid #d5dde5;")
                    .append("background:#f4f7fa;white-space:pre-wrap;\">").append(escape(q.text())).append("</blockquote>");
            case Points p -> {
                html.append("<ul style=\"margin:0 0 16px;padding-left:24px;\">");
                p.points().forEach(point -> {
                    html.append("<li style=\"margin:0 0 8px;\">").append(escape(point.text()));
                    if (point.link() != null) {
                        html.append(" <a href=\"").append(escape(point.link().toString()))
                                .append("\" style=\"color:#0b5cad;font-weight:bold;\">").append(escape(point.linkLabel()))
                                .append("</a>");
                    }
                    html.append("</li>");
                });
                html.append("</ul>");
            }
            case Table t -> {
                html.append("<table cellpadding=\"0\" cellspacing=\"0\" style=\"width:100%;border-collapse:collapse;")
                        .append("margin:0 0 16px;font-size:14px;\"><thead><tr>");
                t.headers().forEach(header -> html.append("<th scope=\"col\" style=\"text-align:left;padding:6px 8px;")
                        .append("border-bottom:2px solid #d5dde5;\">").append(escape(header)).append("</th>"));
                html.append("</tr></thead><tbody>");
                t.rows().forEach(row -> {
                    html.append("<tr>");
                    row.forEach(cell -> html.append("<td style=\"padding:6px 8px;border-bottom:1px solid #e6ebf0;\">")
                            .append(escape(cell)).append("</td>"));
                    html.append("</tr>");
                });
                html.append("</tbody></table>");
            }
        }
    }

    static String escape(String s) {
        return s == null ? "" : HtmlUtils.htmlEscape(s, "UTF-8");
    }
}
