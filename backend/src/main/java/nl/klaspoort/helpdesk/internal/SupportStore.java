package nl.klaspoort.helpdesk.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes {@code support_question} (S4). */
@Repository
class SupportStore {

    record NewQuestion(long schoolId, long senderId, Long productId, String subject, String message, Instant createdAt) {}

    private final JdbcClient jdbc;

    SupportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the question; returns its reference number ("KP-000123"). */
    String insert(NewQuestion q) {
        return jdbc.sql("""
                        insert into support_question (school_id, sender_id, product_id, subject, message, created_at)
                        values (:school, :sender, :product, :subject, :message, :at) returning reference
                        """)
                .param("school", q.schoolId()).param("sender", q.senderId())
                .param("product", q.productId()).param("subject", q.subject()).param("message", q.message())
                .param("at", OffsetDateTime.ofInstant(q.createdAt(), ZoneOffset.UTC)).query(String.class).single();
    }
}
