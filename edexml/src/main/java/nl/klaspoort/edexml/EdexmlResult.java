package nl.klaspoort.edexml;

import java.util.List;

/**
 * What reading an EDEXML file gave: the snapshot (complete when accepted; what could be read when not) and the
 * errors. A file with any error is refused as a whole: the pipeline applies only an accepted snapshot.
 */
public record EdexmlResult(RosterSnapshot snapshot, List<RowError> errors) {

    public EdexmlResult {
        errors = List.copyOf(errors);
    }

    public boolean accepted() {
        return errors.isEmpty();
    }

    /** The summary the upload screen and the command line show. */
    public EdexmlPreview preview() {
        return new EdexmlPreview(accepted(), snapshot.students().size(), snapshot.teachers().size(),
                snapshot.groups().size(), errors);
    }
}
