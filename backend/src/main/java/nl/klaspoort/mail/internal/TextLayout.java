package nl.klaspoort.mail.internal;

import java.util.ArrayList;
import java.util.List;
import nl.klaspoort.mail.internal.MailDocument.Block;
import nl.klaspoort.mail.internal.MailDocument.Button;
import nl.klaspoort.mail.internal.MailDocument.Facts;
import nl.klaspoort.mail.internal.MailDocument.Heading;
import nl.klaspoort.mail.internal.MailDocument.Link;
import nl.klaspoort.mail.internal.MailDocument.Paragraph;
import nl.klaspoort.mail.internal.MailDocument.Points;
import nl.klaspoort.mail.internal.MailDocument.Quote;
import nl.klaspoort.mail.internal.MailDocument.Table;

/** The plain-text body: paragraphs wrapped at 76 characters, links on lines of their own so they stay clickable. */
final class TextLayout {

    static final int WIDTH = 76;

    private TextLayout() {}

    static String render(MailDocument mail) {
        List<String> paragraphs = new ArrayList<>();
        if (mail.greeting() != null) {
            paragraphs.add(mail.greeting());
        }
        for (Block block : mail.blocks()) {
            paragraphs.add(block(block));
        }
        paragraphs.add(String.join("\n", mail.signature()));
        paragraphs.add("-- \n" + wrap(mail.footer(), ""));
        return String.join("\n\n", paragraphs) + "\n";
    }

    private static String block(Block block) {
        return switch (block) {
            case Paragraph p -> wrap(p.text(), "");
            case Heading h -> h.text() + "\n" + "=".repeat(Math.min(h.text().length(), WIDTH));
            case Button b -> b.label() + ":\n" + b.link();
            case Link l -> l.label() + ":\n" + l.link();
            case Facts f -> String.join("\n", f.facts().stream().map(fact -> fact.label() + ": " + fact.value()).toList());
            case Quote q -> String.join("\n", q.text().lines().map(line -> line.isEmpty() ? ">" : "> " + line).toList());
            case Points p -> String.join("\n", p.points().stream().map(point -> wrap(point.text(), "  ").replaceFirst("^  ", "- ")
                    + (point.link() == null ? "" : "\n  " + point.linkLabel() + ": " + point.link())).toList());
            case Table t -> String.join("\n", t.textRows().stream().map(row -> wrap(row, "  ").replaceFirst("^  ", "- ")).toList());
        };
    }

    /** Word-wraps {@code text} at {@link #WIDTH}, each line starting with {@code indent}; keeps its own line breaks. */
    static String wrap(String text, String indent) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            StringBuilder current = new StringBuilder(indent);
            for (String word : line.split(" ")) {
                if (current.length() > indent.length() && current.length() + 1 + word.length() > WIDTH) {
                    out.append(current).append('\n');
                    current = new StringBuilder(indent);
                }
                if (current.length() > indent.length()) {
                    current.append(' ');
                }
                current.append(word);
            }
            out.append(current);
        }
        return out.toString();
    }
}
