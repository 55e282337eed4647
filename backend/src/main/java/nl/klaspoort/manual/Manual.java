package nl.klaspoort.manual;

import java.util.List;

/**
 * Klaspoort's own manual (S3), written in Dutch as Markdown in {@code docs/handleiding.md} and rendered to an
 * accessible A4 PDF: a cover with the introduction, a table of contents with page numbers, one chapter per page
 * onwards, PDF bookmarks, an embedded font. Rendered once, on first use.
 */
public interface Manual {

    /** The PDF's bytes. */
    byte[] pdf();

    /** The chapter and section headings in order, e.g. "1. Inloggen", "1.1 Eerste keer inloggen". */
    List<String> headings();
}
