package nl.klaspoort.roster.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * PostgreSQL advisory locks: one sync round at a time across every node (held on a connection of its own for the
 * round, released by the database when that process dies, so a killed round never blocks the next), and the writes of
 * one school's runs one at a time (held until the transaction ends).
 */
@Repository
class LockStore {

    /** The round's lock key. */
    private static final long ROUND = 0x6b6c_726f_756e_6401L;
    /** The namespace of the per-school keys (two-int form: namespace, school id). */
    private static final int SCHOOL = 0x6b6c_7273;

    /** A held round lock; closing releases it. */
    interface RoundLock extends AutoCloseable {
        @Override
        void close();
    }

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    LockStore(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** The round lock when nobody holds it; null when a round runs (here or on another node). */
    RoundLock tryRound() {
        try {
            Connection connection = dataSource.getConnection();
            try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
                lock.setLong(1, ROUND);
                try (ResultSet rs = lock.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        return () -> release(connection);
                    }
                }
            }
            connection.close();
            return null;
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("round lock", e);
        }
    }

    private static void release(Connection connection) {
        try (connection; PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock(?)")) {
            unlock.setLong(1, ROUND);
            unlock.executeQuery().close();
        } catch (SQLException e) {
            // the connection is closed either way, and with it the lock
        }
    }

    /**
     * Waits for, then holds until the transaction ends, the right to write this school's runs. A roster write is a
     * batch, not a request: from here on its statements are bounded by the transaction's timeout instead of the
     * per-statement {@code klaspoort.db.statement-timeout}, since an apply may have to wait for another school's apply
     * (new pupils' usernames are taken under one lock, held until that apply commits).
     */
    void lockSchool(long schoolId) {
        jdbc.sql("select set_config('statement_timeout', '0', true) from pg_advisory_xact_lock(:namespace, :school)")
                .param("namespace", SCHOOL).param("school", Math.toIntExact(schoolId))
                .query(String.class).single();
    }
}
