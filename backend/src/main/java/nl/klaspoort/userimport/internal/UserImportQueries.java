package nl.klaspoort.userimport.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.klaspoort.spreadsheet.SheetKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads {@code user_import} and {@code user_import_row}. An expired import is not found. */
@Repository
class UserImportQueries {

    private static final String IMPORT_COLUMNS = "id, school_id, kind, created_by, created_at, expires_at, confirmed_at, batch_id";

    /** How far an import's passwords are hashed: rows with a password, and those with its hash. */
    record HashProgress(int done, int total) {}

    private final JdbcClient jdbc;
    private final RowCells cells;

    UserImportQueries(JdbcClient jdbc, RowCells cells) {
        this.jdbc = jdbc;
        this.cells = cells;
    }

    /** The school's import, unless it expired before {@code now}. */
    Optional<ImportRecord> find(UUID id, long schoolId, Instant now) {
        return jdbc.sql("select " + IMPORT_COLUMNS + " from user_import where id = :id and school_id = :school and expires_at > :now")
                .param("id", id).param("school", schoolId).param("now", Timestamp.from(now))
                .query(UserImportQueries::record).optional();
    }

    /** As {@link #find}, its row locked until the transaction ends (one edit or confirmation at a time). */
    Optional<ImportRecord> lock(UUID id, long schoolId, Instant now) {
        return jdbc.sql("select " + IMPORT_COLUMNS
                        + " from user_import where id = :id and school_id = :school and expires_at > :now for update")
                .param("id", id).param("school", schoolId).param("now", Timestamp.from(now))
                .query(UserImportQueries::record).optional();
    }

    /** The school of an import that has not expired, whoever asks (the caller checks the role there). */
    Optional<Long> schoolOf(UUID id, Instant now) {
        return jdbc.sql("select school_id from user_import where id = :id and expires_at > :now")
                .param("id", id).param("now", Timestamp.from(now)).query(Long.class).optional();
    }

    /** Every row of the import, by row number. */
    List<StoredRow> rows(UUID importId) {
        return jdbc.sql("""
                        select row_number, cells::text as cells, password_hash, user_id from user_import_row
                         where import_id = :id order by row_number
                        """)
                .param("id", importId)
                .query((rs, n) -> new StoredRow(cells.row(rs.getInt("row_number"), rs.getString("cells")),
                        rs.getString("password_hash"), rs.getObject("user_id", Long.class)))
                .list();
    }

    /** One row of the import, if there is such a row. */
    Optional<StoredRow> row(UUID importId, int rowNumber) {
        return jdbc.sql("""
                        select row_number, cells::text as cells, password_hash, user_id from user_import_row
                         where import_id = :id and row_number = :row
                        """)
                .param("id", importId).param("row", rowNumber)
                .query((rs, n) -> new StoredRow(cells.row(rs.getInt("row_number"), rs.getString("cells")),
                        rs.getString("password_hash"), rs.getObject("user_id", Long.class)))
                .optional();
    }

    /** A password that waits for its hash. */
    record PendingPassword(int rowNumber, String password) {
        @Override
        public String toString() {
            return "PendingPassword[" + rowNumber + "]";
        }
    }

    /** The rows whose password still waits for its hash. */
    List<PendingPassword> passwordsAwaitingHash(UUID importId) {
        return jdbc.sql("""
                        select row_number, cells ->> 'PASSWORD' from user_import_row
                         where import_id = :id and cells ->> 'PASSWORD' is not null and password_hash is null order by row_number
                        """)
                .param("id", importId)
                .query((rs, n) -> new PendingPassword(rs.getInt(1), rs.getString(2))).list();
    }

    HashProgress hashProgress(UUID importId) {
        return jdbc.sql("""
                        select count(password_hash) as done, count(*) filter (where cells ->> 'PASSWORD' is not null) as total
                          from user_import_row where import_id = :id
                        """)
                .param("id", importId)
                .query((rs, n) -> new HashProgress(rs.getInt("done"), rs.getInt("total"))).single();
    }

    private static ImportRecord record(ResultSet rs, int n) throws SQLException {
        Timestamp confirmed = rs.getTimestamp("confirmed_at");
        return new ImportRecord(rs.getObject("id", UUID.class), rs.getLong("school_id"), SheetKind.valueOf(rs.getString("kind")),
                rs.getLong("created_by"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
                confirmed == null ? null : confirmed.toInstant(), rs.getObject("batch_id", UUID.class));
    }
}
