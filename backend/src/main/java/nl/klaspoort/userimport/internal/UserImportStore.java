package nl.klaspoort.userimport.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.klaspoort.spreadsheet.SheetRow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes {@code user_import} and {@code user_import_row}; one statement per method, whatever the number of rows. */
@Repository
class UserImportStore {

    private final JdbcClient jdbc;
    private final RowCells cells;

    UserImportStore(JdbcClient jdbc, RowCells cells) {
        this.jdbc = jdbc;
        this.cells = cells;
    }

    /** The import and all its rows. */
    void create(ImportRecord record, List<SheetRow> rows) {
        jdbc.sql("""
                        with created as (
                          insert into user_import (id, school_id, kind, created_by, created_at, expires_at)
                          values (:id, :school, :kind, :by, :created, :expires)
                        )
                        insert into user_import_row (import_id, school_id, row_number, cells)
                        select :id, :school, r.n, r.cells::jsonb from unnest(:numbers::int[], :cells::text[]) as r(n, cells)
                        """)
                .param("id", record.id()).param("school", record.schoolId()).param("kind", record.kind().name())
                .param("by", record.createdBy()).param("created", Timestamp.from(record.createdAt()))
                .param("expires", Timestamp.from(record.expiresAt()))
                .param("numbers", rows.stream().map(SheetRow::number).toArray(Integer[]::new))
                .param("cells", rows.stream().map(cells::json).toArray(String[]::new))
                .update();
    }

    /** The row's cells become {@code row}'s; its password hash becomes {@code passwordHash} (null: none yet). */
    void updateRow(UUID importId, SheetRow row, String passwordHash) {
        jdbc.sql("""
                        update user_import_row set cells = :cells::jsonb, password_hash = :hash
                         where import_id = :id and row_number = :row
                        """)
                .param("cells", cells.json(row)).param("hash", passwordHash)
                .param("id", importId).param("row", row.number())
                .update();
    }

    /**
     * Stores the hashes of these rows' passwords, each only while the row still has the password it was made of (an
     * edit in the meantime keeps its own).
     */
    int saveHashes(UUID importId, List<Integer> rows, List<String> passwords, List<String> hashes) {
        return jdbc.sql("""
                        update user_import_row r set password_hash = h.hash
                          from unnest(:rows::int[], :passwords::text[], :hashes::text[]) as h(n, password, hash)
                         where r.import_id = :id and r.row_number = h.n and r.cells ->> 'PASSWORD' = h.password
                        """)
                .param("id", importId)
                .param("rows", rows.toArray(Integer[]::new))
                .param("passwords", passwords.toArray(String[]::new))
                .param("hashes", hashes.toArray(String[]::new))
                .update();
    }

    /**
     * Marks the import confirmed with its audit batch, ties each row to the user it became and forgets the passwords
     * (the users have their hashes now).
     */
    void confirm(UUID importId, Instant at, UUID batchId, List<Integer> rowNumbers, List<Long> userIds) {
        jdbc.sql("""
                        with confirmed as (
                          update user_import set confirmed_at = :at, batch_id = :batch where id = :id
                        )
                        update user_import_row r set user_id = u.user_id, cells = r.cells - 'PASSWORD', password_hash = null
                          from unnest(:rows::int[], :users::bigint[]) as u(n, user_id)
                         where r.import_id = :id and r.row_number = u.n
                        """)
                .param("id", importId).param("at", Timestamp.from(at)).param("batch", batchId)
                .param("rows", rowNumbers.toArray(Integer[]::new)).param("users", userIds.toArray(Long[]::new))
                .update();
    }

    /** Deletes the import of the school with its rows; whether there was one. */
    boolean delete(UUID importId, long schoolId) {
        return jdbc.sql("delete from user_import where id = :id and school_id = :school")
                .param("id", importId).param("school", schoolId).update() > 0;
    }

    /** Deletes every import that expired before {@code now}, with its rows; how many. */
    int deleteExpired(Instant now) {
        return jdbc.sql("delete from user_import where expires_at <= :now").param("now", Timestamp.from(now)).update();
    }
}
