package nl.klaspoort.manual.internal;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.web.util.HtmlUtils;

/**
 * Markdown → XHTML (commonmark, raw HTML in the text escaped) → PDF (openhtmltopdf on PDFBox). The font is Liberation
 * Sans as PDFBox ships it (every Dutch diacritic, SIL Open Font License), embedded; the PDF is tagged (PDF/UA) with
 * title and language, so screen readers read it in order.
 */
final class ManualRenderer {

    /** The font inside PDFBox's own jar: no font file of ours to keep, and it follows PDFBox's updates. */
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final String FAMILY = "Liberation Sans";

    private ManualRenderer() {}

    /** The rendered manual and its headings (h2 and h3). */
    record Rendered(byte[] pdf, List<String> headings) {}

    /** One heading of the Markdown, with the anchor it gets. */
    private record Section(int level, String text, String anchor) {}

    static Rendered render(String markdown) {
        var extensions = List.of(TablesExtension.create());
        Node document = Parser.builder().extensions(extensions).build().parse(markdown);

        // the title (h1) and the text before the first chapter make the cover; the rest is the body
        String title = "Handleiding";
        List<Node> cover = new ArrayList<>();
        Node node = document.getFirstChild();
        while (node != null && !(node instanceof Heading h && h.getLevel() == 2)) {
            Node next = node.getNext();
            if (node instanceof Heading h && h.getLevel() == 1) {
                title = text(h);
            } else {
                cover.add(node);
            }
            node.unlink();
            node = next;
        }
        List<Section> sections = new ArrayList<>();
        Map<Node, String> anchors = new IdentityHashMap<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                if (heading.getLevel() <= 3) {
                    Section section = new Section(heading.getLevel(), text(heading), "s" + (sections.size() + 1));
                    sections.add(section);
                    anchors.put(heading, section.anchor());
                }
            }
        });
        HtmlRenderer html = HtmlRenderer.builder().extensions(extensions).escapeHtml(true)
                .attributeProviderFactory(context -> (n, tag, attributes) -> {
                    if (anchors.containsKey(n)) {
                        attributes.put("id", anchors.get(n));
                    }
                })
                .build();
        StringBuilder coverHtml = new StringBuilder();
        cover.forEach(n -> coverHtml.append(html.render(n)));

        String xhtml = page(title, coverHtml.toString(), sections, html.render(document));
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(256 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            for (int weight : new int[] {400, 700}) {
                for (FontStyle style : new FontStyle[] {FontStyle.NORMAL, FontStyle.ITALIC}) {
                    builder.useFont(ManualRenderer::font, FAMILY, weight, style, true);
                }
            }
            builder.usePdfUaAccessibility(true)
                    .withHtmlContent(xhtml, null)
                    .toStream(pdf)
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Rendered(pdf.toByteArray(),
                sections.stream().filter(s -> s.level() >= 2).map(Section::text).toList());
    }

    private static String page(String title, String cover, List<Section> sections, String body) {
        StringBuilder toc = new StringBuilder();
        StringBuilder bookmarks = new StringBuilder();
        boolean open = false;
        for (Section section : sections) {
            String text = HtmlUtils.htmlEscape(section.text(), "UTF-8");
            toc.append("<li class=\"l").append(section.level()).append("\"><a href=\"#").append(section.anchor())
                    .append("\">").append(text).append("</a></li>");
            if (section.level() == 2) {
                if (open) {
                    bookmarks.append("</bookmark>");
                }
                bookmarks.append("<bookmark name=\"").append(text).append("\" href=\"#").append(section.anchor()).append("\">");
                open = true;
            } else {
                bookmarks.append("<bookmark name=\"").append(text).append("\" href=\"#").append(section.anchor())
                        .append("\"/>");
            }
        }
        if (open) {
            bookmarks.append("</bookmark>");
        }
        String escapedTitle = HtmlUtils.htmlEscape(title, "UTF-8");
        return """
                <html lang="nl"><head><title>%1$s</title>
                <meta name="subject" content="Handleiding voor beheerders en begeleiders"/>
                <meta name="author" content="Klaspoort"/>
                <bookmarks>%2$s</bookmarks>
                <style>%3$s</style></head>
                <body>
                <section class="cover"><h1>%1$s</h1><p class="tagline">Voor beheerders en begeleiders in het primair onderwijs</p>%4$s</section>
                <nav class="toc"><h2 class="toc-title">Inhoud</h2><ul>%5$s</ul></nav>
                <main>%6$s</main>
                </body></html>
                """.formatted(escapedTitle, bookmarks, STYLE, cover, toc, body);
    }

    private static final String STYLE = """
            @page { size: A4; margin: 22mm 20mm 24mm 20mm;
              @bottom-left { content: "Handleiding Klaspoort"; font-family: 'Liberation Sans'; font-size: 8.5pt; color: #5b6b7b; }
              @bottom-right { content: "pagina " counter(page) " van " counter(pages); font-family: 'Liberation Sans'; font-size: 8.5pt; color: #5b6b7b; } }
            @page :first { @bottom-left { content: none; } @bottom-right { content: none; } }
            body { font-family: 'Liberation Sans'; font-size: 10.5pt; line-height: 1.45; color: #1b2733; }
            h1 { font-size: 28pt; color: #1f4e79; margin: 60mm 0 4mm; font-weight: normal; }
            h2 { font-size: 17pt; color: #1f4e79; page-break-before: always; margin: 0 0 4mm; font-weight: normal;
                 border-bottom: 1.5pt solid #1f4e79; padding-bottom: 2mm; }
            h3 { font-size: 12.5pt; color: #1f4e79; margin: 6mm 0 2mm; font-weight: normal; page-break-after: avoid; }
            h2.toc-title { page-break-before: always; }
            p { margin: 0 0 2.5mm; orphans: 2; widows: 2; }
            strong { font-weight: normal; color: #1f4e79; }
            ul, ol { margin: 0 0 3mm; padding-left: 6mm; }
            li { margin: 0 0 1.2mm; }
            a { color: #0b5cad; text-decoration: none; }
            .tagline { font-size: 13pt; color: #5b6b7b; margin-bottom: 12mm; }
            .cover p { max-width: 150mm; }
            .toc ul { list-style: none; padding: 0; }
            .toc li.l2 { margin-top: 2.5mm; }
            .toc li.l3 { margin-left: 7mm; font-size: 9.5pt; }
            .toc a { color: #1b2733; }
            .toc a::after { content: leader('.') target-counter(attr(href), page); }
            table { border-collapse: collapse; margin: 0 0 3mm; }
            td, th { border: 0.5pt solid #c9d3dd; padding: 1.5mm 2.5mm; text-align: left; }
            """;

    private static String text(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }
        });
        return text.toString();
    }

    private static InputStream font() {
        InputStream in = ManualRenderer.class.getResourceAsStream(FONT);
        if (in == null) {
            throw new IllegalStateException("PDFBox's font " + FONT + " is missing");
        }
        return in;
    }

    static String read(InputStream markdown) {
        try (markdown) {
            return new String(markdown.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
