package nl.klaspoort.manual.internal;

import java.io.InputStream;
import java.util.List;
import nl.klaspoort.manual.Manual;
import org.springframework.stereotype.Component;

/** The manual from {@code manual/handleiding.md} on the classpath (the build copies {@code docs/handleiding.md}). */
@Component
class MarkdownManual implements Manual {

    static final String SOURCE = "manual/handleiding.md";

    private volatile ManualRenderer.Rendered rendered;

    @Override
    public byte[] pdf() {
        return rendered().pdf().clone();
    }

    @Override
    public List<String> headings() {
        return rendered().headings();
    }

    private ManualRenderer.Rendered rendered() {
        ManualRenderer.Rendered result = rendered;
        if (result == null) {
            synchronized (this) {
                result = rendered;
                if (result == null) {
                    InputStream markdown = MarkdownManual.class.getClassLoader().getResourceAsStream(SOURCE);
                    if (markdown == null) {
                        throw new IllegalStateException(SOURCE + " is not on the classpath");
                    }
                    rendered = result = ManualRenderer.render(ManualRenderer.read(markdown));
                }
            }
        }
        return result;
    }
}
