package nl.klaspoort.mail.internal;

import java.net.URI;
import java.util.List;

/**
 * What a mail says, independent of its format: {@link HtmlLayout} and {@link TextLayout} each turn the same document
 * into one body. Every string is plain text (the HTML layout escapes it); every link is absolute http(s).
 *
 * @param subject   the subject line, also the HTML title
 * @param preview   the line mail clients show after the subject in the list (HTML only)
 * @param greeting  "Beste Ans," or null
 * @param blocks    the content, in order
 * @param signature the closing lines, e.g. "Met vriendelijke groet," and "Klaspoort"
 * @param footer    small print below the signature
 */
record MailDocument(String subject, String preview, String greeting, List<Block> blocks, List<String> signature,
        String footer) {

    MailDocument {
        blocks = List.copyOf(blocks);
        signature = List.copyOf(signature);
    }

    sealed interface Block {}

    /** A paragraph. */
    record Paragraph(String text) implements Block {}

    /** A small heading above the blocks that follow. */
    record Heading(String text) implements Block {}

    /** The mail's main action: a button in HTML, the label and the link on their own lines in text. */
    record Button(String label, URI link) implements Block {
        Button {
            requireWebLink(link);
        }
    }

    /** A secondary link: "label" as an anchor in HTML, "label: link" in text. */
    record Link(String label, URI link) implements Block {
        Link {
            requireWebLink(link);
        }
    }

    /** Label–value lines (the details of a question). */
    record Facts(List<Fact> facts) implements Block {
        Facts {
            facts = List.copyOf(facts);
        }
    }

    record Fact(String label, String value) {}

    /** Text someone wrote (a contact-form message), kept with its line breaks. */
    record Quote(String text) implements Block {}

    /** A bulleted list; each point may end with a link ("Oplossen"). */
    record Points(List<Point> points) implements Block {
        Points {
            points = List.copyOf(points);
        }
    }

    record Point(String text, String linkLabel, URI link) {
        Point {
            if (link != null) {
                requireWebLink(link);
            }
        }
    }

    /**
     * A table in HTML; in text each row becomes one line ({@code textRows}), since columns do not survive proportional
     * fonts and narrow screens.
     */
    record Table(List<String> headers, List<List<String>> rows, List<String> textRows) implements Block {
        Table {
            headers = List.copyOf(headers);
            rows = rows.stream().map(List::copyOf).toList();
            textRows = List.copyOf(textRows);
        }
    }

    private static void requireWebLink(URI link) {
        if (link == null || !link.isAbsolute() || !("https".equals(link.getScheme()) || "http".equals(link.getScheme()))) {
            throw new IllegalArgumentException("a mail link is absolute http(s): " + link);
        }
    }
}
