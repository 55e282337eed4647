package nl.klaspoort.helpdesk.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes {@code support_question} (S4). */
@Repository
class SupportStore {

    record NewQuestion(String reference, long schoolId, long senderId, Long productId, String subject, String message,
            Instant createdAt) {}

    private final JdbcClient jdbc;

    SupportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(NewQuestion q) {
        jdbc.sql("""
                        insert into support_question (reference, school_id, sender_id, product_id, subject, message, created_at)
                        values (:reference, :school, :sender, :product, :subject, :message, :at)
                        """)
                .param("reference", q.reference()).param("school", q.schoolId()).param("sender", q.senderId())
                .param("product", q.productId()).param("subject", q.subject()).param("message", q.message())
                .param("at", OffsetDateTime.ofInstant(q.createdAt(), ZoneOffset.UTC)).update();
    }
}
