package nl.klaspoort.manual.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * S3: the PDF is read back with PDFBox and holds the manual as written in docs/handleiding.md — every heading, the
 * Dutch diacritics in an embedded font, a table of contents whose page numbers are right, bookmarks, title and
 * language.
 */
class ManualPdfTest {

    static List<String> markdownHeadings;
    static PDDocument pdf;
    static List<String> pages;
    static List<String> footers = new ArrayList<>();
    static MarkdownManual manual = new MarkdownManual();

    @BeforeAll
    static void render() throws IOException {
        String markdown;
        try (InputStream in = ManualPdfTest.class.getClassLoader().getResourceAsStream(MarkdownManual.SOURCE)) {
            markdown = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        markdownHeadings = Pattern.compile("(?m)^#{2,3} (.+)$").matcher(markdown).results()
                .map(m -> m.group(1).strip()).toList();
        pdf = Loader.loadPDF(manual.pdf());
        pages = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper();
        for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            // the page's footer ("Handleiding Klaspoort pagina 3 van 18") comes first in the text: keep it out
            String text = stripper.getText(pdf).replace('\u00a0', ' ');
            footers.add(text.lines().findFirst().orElse(""));
            pages.add(text.lines().skip(page == 1 ? 0 : 1).collect(java.util.stream.Collectors.joining("\n")));
        }
    }

    @Test
    @DisplayName("S3 the manual's PDF has every heading of docs/handleiding.md, each chapter on a page of its own")
    void everyHeadingOfTheMarkdownIsInThePdf() {
        assertThat(markdownHeadings).hasSizeGreaterThanOrEqualTo(40).contains("1. Inloggen", "5. Beheer", "7. Support",
                "1.3 Wachtwoord vergeten", "5.2 IP-adressen van de school", "8. Informatieplein");
        assertThat(manual.headings()).isEqualTo(markdownHeadings);
        String all = String.join("\n", pages);
        for (String heading : markdownHeadings) {
            assertThat(all).as(heading).contains(heading);
        }
        List<Integer> chapterPages = chapters().stream().map(ManualPdfTest::pageOf).toList();
        assertThat(chapterPages).as("each chapter on a page of its own").doesNotHaveDuplicates().isSorted();
        assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(12);
    }

    @Test
    void theTableOfContentsGivesThePageWhereEachChapterStarts() {
        String toc = String.join("\n", pages.subList(1, pageOf("1. Inloggen") - 1));
        assertThat(toc).startsWith("Inhoud");
        for (String chapter : List.of("1. Inloggen", "5. Beheer", "9. Veelvoorkomende situaties")) {
            int page = pageOf(chapter);
            Matcher line = Pattern.compile(Pattern.quote(chapter) + "[ .]*(\\d+)").matcher(toc);
            assertThat(line.find()).as(chapter + " in the table of contents").isTrue();
            assertThat(Integer.parseInt(line.group(1))).as(chapter).isEqualTo(page);
        }
        assertThat(footers.get(2)).isEqualTo("Handleiding Klaspoort pagina 3 van " + pdf.getNumberOfPages());
    }

    @Test
    void dutchDiacriticsAreInTheTextInAnEmbeddedFont() throws IOException {
        String all = String.join("\n", pages);
        assertThat(all).contains("Beëindigd sinds", "één", "ICT-coördinator", "‘Wachtwoord vergeten of wachtwoord instellen?’");
        for (PDPage page : pdf.getPages()) {
            for (var name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                assertThat(font.getName()).contains("LiberationSans");
            }
        }
    }

    @Test
    void titleLanguageAndBookmarksAreSetForReadersAndScreenReaders() {
        assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Handleiding Klaspoort");
        assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("nl");
        assertThat(pdf.getDocumentCatalog().getMarkInfo().isMarked()).as("tagged PDF").isTrue();
        List<String> chapters = new ArrayList<>();
        for (PDOutlineItem item : pdf.getDocumentCatalog().getDocumentOutline().children()) {
            chapters.add(item.getTitle());
        }
        assertThat(chapters).isEqualTo(chapters());
    }

    static List<String> chapters() {
        return markdownHeadings.stream().filter(h -> h.matches("\\d+\\. .*")).toList();
    }

    /** The page number (from 1) where the heading stands on a line of its own, after the table of contents. */
    static int pageOf(String heading) {
        Pattern line = Pattern.compile("(?m)^" + Pattern.quote(heading) + "\\s*$");
        for (int page = 2; page < pages.size(); page++) {
            if (line.matcher(pages.get(page)).find()) {
                return page + 1;
            }
        }
        throw new AssertionError(heading + " is on no page");
    }
}
