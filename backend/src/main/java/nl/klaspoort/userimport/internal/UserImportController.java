package nl.klaspoort.userimport.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import nl.klaspoort.platform.Connection;
import nl.klaspoort.platform.Cursors;
import nl.klaspoort.platform.PageSize;
import nl.klaspoort.school.School;
import nl.klaspoort.userimport.internal.ImportView.Progress;
import nl.klaspoort.userimport.internal.ImportView.Row;
import nl.klaspoort.userimport.internal.ImportView.Status;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * {@code School.spreadsheetImport}, its rows, the mutations of the review step and the progress subscription. The
 * import is checked once per request; its fields (counts, rows, problems) are read from that check without I/O.
 */
@Controller
class UserImportController {

    /** How often a subscription looks at the database too, for hashing done by another node. */
    private static final Duration POLL = Duration.ofSeconds(2);

    /** GraphQL {@code SpreadsheetImportInput}. */
    record ImportInput(String schoolId, String importId) {}

    private final UserImports imports;

    UserImportController(UserImports imports) {
        this.imports = imports;
    }

    @SchemaMapping(typeName = "School", field = "spreadsheetImport")
    ImportView spreadsheetImport(School school, @Argument String id) {
        return imports.view(school.id(), id);
    }

    @SchemaMapping(typeName = "SpreadsheetImport", field = "rows")
    Connection<Row> rows(ImportView view, @Argument Integer first, @Argument String after, @Argument Boolean withProblemsOnly) {
        PageSize size = PageSize.of(first);
        boolean problemsOnly = Boolean.TRUE.equals(withProblemsOnly);
        String order = problemsOnly ? "PROBLEMS" : "ALL";
        int from = 0;
        if (after != null) {
            try {
                from = Integer.parseInt(Cursors.decode(after, "importRows", order, 1).getFirst());
            } catch (NumberFormatException e) {
                throw Cursors.invalid();
            }
        }
        int afterRow = from;
        List<Row> matching = view.allRows().stream().filter(row -> !problemsOnly || !row.good()).toList();
        List<Row> fetched = matching.stream().filter(row -> row.rowNumber() > afterRow).limit(size.fetch()).toList();
        return Connection.of(fetched, size, after != null, row -> Cursors.encode("importRows", order, row.rowNumber()))
                .withTotalCount(matching.size());
    }

    @MutationMapping
    UserImports.RowUpdated spreadsheetImportRowUpdate(@Argument UserImports.RowInput input) {
        return imports.updateRow(input);
    }

    @MutationMapping
    UserImports.Confirmed spreadsheetImportConfirm(@Argument ImportInput input) {
        return imports.confirm(input.schoolId(), input.importId());
    }

    @MutationMapping
    UserImports.Discarded spreadsheetImportDiscard(@Argument ImportInput input) {
        return imports.discard(input.schoolId(), input.importId());
    }

    @SubscriptionMapping
    Flux<Progress> spreadsheetImportProgress(@Argument String schoolId, @Argument String importId) {
        Progress now = imports.progress(schoolId, importId);
        if (now.status() != Status.PREPARING) {
            return Flux.just(now);
        }
        Flux<Progress> pushed = imports.progressEvents().filter(p -> p.importId().equals(now.importId()));
        Flux<Progress> polled = Flux.interval(POLL).publishOn(Schedulers.boundedElastic())
                .map(tick -> imports.progressOf(now.importId(), schoolId));
        // pushed and polled steps may cross: only ever forward
        AtomicInteger highest = new AtomicInteger(-1);
        return Flux.concat(Flux.just(now), Flux.merge(pushed, polled))
                .filter(p -> p.status() != Status.PREPARING || p.done() > highest.getAndAccumulate(p.done(), Math::max))
                .takeUntil(p -> p.status() != Status.PREPARING);
    }
}
