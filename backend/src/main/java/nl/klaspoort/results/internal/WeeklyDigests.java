package nl.klaspoort.results.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.klaspoort.access.Role;
import nl.klaspoort.access.SchoolAccess;
import nl.klaspoort.mail.Mail;
import nl.klaspoort.mail.Mailer;
import nl.klaspoort.people.Person;
import nl.klaspoort.platform.BadRequestException;
import nl.klaspoort.platform.TextBundle;
import nl.klaspoort.results.internal.WeeklyDigestQueries.Recipient;
import nl.klaspoort.results.internal.WeeklyDigestQueries.Row;
import nl.klaspoort.security.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * X10: a supervisor's weekly digest — per product, each followed pupil's practice time at school and at home in the
 * week, and who is due for a test (the next lesson ends with one) — as a page for any week and mailed on Monday
 * morning (Europe/Amsterdam) for the week that just ended, unless the supervisor turned it off in their profile.
 */
@Service
class WeeklyDigests {

    /** GraphQL {@code WeeklyDigestPupil}. */
    record Pupil(String studentId, String displayName, int gradeYear, int schoolSeconds, int homeSeconds, boolean testDue) {}

    /** GraphQL {@code WeeklyDigestProduct}. */
    record Product(String productId, String productName, List<Pupil> pupils) {}

    /** GraphQL {@code WeeklyDigest}. */
    record Digest(String week, LocalDate monday, List<Product> products) {}

    private final WeeklyDigestQueries queries;
    private final SchoolAccess access;
    private final Mailer mailer;
    private final Clock clock;
    private final String publicUrl;

    WeeklyDigests(WeeklyDigestQueries queries, SchoolAccess access, Mailer mailer, Clock clock,
            @Value("${klaspoort.public-url}") String publicUrl) {
        this.queries = queries;
        this.access = access;
        this.mailer = mailer;
        this.clock = clock;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** The signed-in supervisor's digest of the week ({@code YYYY-Www}; by default last week). */
    Digest digest(String schoolId, String week) {
        long school = access.require(schoolId, Role.SUPERVISOR);
        IsoWeek shown = week == null ? IsoWeek.current(clock).previous()
                : IsoWeek.parse(week).orElseThrow(() -> new BadRequestException(ResultsError.INVALID_WEEK, Map.of("value", week)));
        return digest(school, CurrentUser.id(), shown);
    }

    boolean subscribed() {
        return !queries.optedOut(CurrentUser.id());
    }

    @Transactional
    boolean subscribe(boolean subscribed) {
        queries.setOptedOut(CurrentUser.id(), !subscribed, clock.instant());
        return subscribed;
    }

    /** Mails every subscribed supervisor last week's digest; returns how many were mailed. */
    @Scheduled(cron = "${klaspoort.digest.mail-cron:0 0 7 * * MON}", zone = "Europe/Amsterdam")
    @Transactional
    public int mailAll() {
        IsoWeek week = IsoWeek.current(clock).previous();
        int mailed = 0;
        for (Recipient r : queries.recipients()) {
            Digest digest = digest(r.schoolId(), r.userId(), week);
            if (digest.products().isEmpty()) {
                continue;
            }
            List<Mail.ProductWeek> products = digest.products().stream().map(p -> new Mail.ProductWeek(p.productName(),
                    p.pupils().stream().map(pupil -> new Mail.PupilWeek(pupil.displayName(), pupil.gradeYear(),
                            Duration.ofSeconds(pupil.schoolSeconds()), Duration.ofSeconds(pupil.homeSeconds()),
                            pupil.testDue())).toList())).toList();
            mailer.send(r.email(), new Mail.WeeklyDigest(r.firstName(), r.schoolName(),
                    week.monday().get(IsoFields.WEEK_BASED_YEAR), week.monday().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR),
                    week.monday(), products, URI.create(publicUrl + "/resultaten/weekoverzicht"),
                    URI.create(publicUrl + "/profiel")), TextBundle.DUTCH);
            mailed++;
        }
        return mailed;
    }

    private Digest digest(long schoolId, long supervisorId, IsoWeek week) {
        Map<Long, Product> products = new LinkedHashMap<>();
        for (Row row : queries.week(schoolId, supervisorId, week.start(), week.end())) {
            products.computeIfAbsent(row.productId(), id -> new Product(String.valueOf(id), row.productName(), new ArrayList<>()))
                    .pupils().add(new Pupil(String.valueOf(row.studentId()),
                            Person.displayName(row.firstName(), row.namePrefix(), row.lastName()), row.gradeYear(),
                            row.schoolSeconds(), row.homeSeconds(), row.untilTest() != null && row.untilTest() == 1));
        }
        String label = "%d-W%02d".formatted(week.monday().get(IsoFields.WEEK_BASED_YEAR),
                week.monday().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        return new Digest(label, week.monday(), List.copyOf(products.values()));
    }
}
