package nl.klaspoort.edexml;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * {@code --edexml-preview=FILE}: support staff check a school's file without a database or web server. Prints the
 * preview as JSON; exit code 0 for an accepted file, 1 for a refused one, 2 for a usage error.
 */
public final class EdexmlPreviewCommand {

    public static final String OPTION = "--edexml-preview=";

    private EdexmlPreviewCommand() {
    }

    /** Runs the preview when {@code args} asks for it; empty when the arguments are not for this command. */
    public static OptionalInt run(String[] args, PrintStream out) {
        for (String arg : args) {
            if (arg.startsWith(OPTION)) {
                String file = arg.substring(OPTION.length());
                if (file.isBlank()) {
                    out.println("{\"accepted\": false, \"students\": 0, \"teachers\": 0, \"groups\": 0, \"errors\": "
                            + "[{\"line\": 0, \"message\": \"Geef een bestand op: --edexml-preview=BESTAND\"}]}");
                    return OptionalInt.of(2);
                }
                EdexmlPreview preview = new EdexmlReader().read(Path.of(file)).preview();
                out.println(preview.toJson());
                out.flush();
                return OptionalInt.of(preview.accepted() ? 0 : 1);
            }
        }
        return OptionalInt.empty();
    }

    public static void main(String[] args) {
        OptionalInt exit = run(args.length == 1 && !args[0].startsWith(OPTION) ? new String[] {OPTION + args[0]} : args,
                System.out);
        System.exit(exit.orElse(2));
    }
}
