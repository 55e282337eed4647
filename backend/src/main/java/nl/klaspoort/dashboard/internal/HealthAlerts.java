package nl.klaspoort.dashboard.internal;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.klaspoort.dashboard.internal.HealthAlertQueries.Admin;
import nl.klaspoort.dashboard.internal.HealthAlertQueries.Code;
import nl.klaspoort.dashboard.internal.HealthAlertQueries.Row;
import nl.klaspoort.mail.Mail;
import nl.klaspoort.mail.Mailer;
import nl.klaspoort.platform.TextBundle;
import nl.klaspoort.school.School;
import nl.klaspoort.school.Schools;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * X9: concrete, actionable health alerts per school ("12 leerlingen in groep 5 hebben geen product: koppel ze"), each
 * with the screen that fixes it; shown to admins on the dashboard and mailed to them at most once a day (every
 * morning at 7, Europe/Amsterdam, only when there is something to fix).
 */
@Service
class HealthAlerts {

    /** GraphQL {@code HealthAlert}. */
    record Alert(Code code, int count, String group, String message, String fixPath) {}

    private static final TextBundle TEXTS = TextBundle.of("dashboard/alerts");
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private final HealthAlertQueries queries;
    private final Schools schools;
    private final Mailer mailer;
    private final Clock clock;
    private final String publicUrl;

    HealthAlerts(HealthAlertQueries queries, Schools schools, Mailer mailer, Clock clock,
            @Value("${klaspoort.public-url}") String publicUrl) {
        this.queries = queries;
        this.schools = schools;
        this.mailer = mailer;
        this.clock = clock;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** The alerts of each school, in the language. */
    Map<Long, List<Alert>> of(Collection<Long> schoolIds, Locale language) {
        Map<Long, List<Alert>> bySchool = new LinkedHashMap<>();
        schoolIds.forEach(id -> bySchool.put(id, new ArrayList<>()));
        if (!schoolIds.isEmpty()) {
            queries.alerts(schoolIds).forEach(row -> bySchool.get(row.schoolId()).add(alert(row, language)));
        }
        return bySchool;
    }

    /** Mails each school's admins its alerts, once a day at most. Returns the number of schools mailed. */
    @Scheduled(cron = "${klaspoort.alerts.mail-cron:0 0 7 * * *}", zone = "Europe/Amsterdam")
    @Transactional
    public int mailAdmins() {
        LocalDate today = LocalDate.now(clock.withZone(AMSTERDAM));
        Map<Long, List<Row>> bySchool = new LinkedHashMap<>();
        queries.alerts(null).forEach(row -> bySchool.computeIfAbsent(row.schoolId(), id -> new ArrayList<>()).add(row));
        if (bySchool.isEmpty()) {
            return 0;
        }
        Map<Long, List<Admin>> admins = new LinkedHashMap<>();
        queries.admins(bySchool.keySet()).forEach(a -> admins.computeIfAbsent(a.schoolId(), id -> new ArrayList<>()).add(a));
        Map<Long, School> names = new LinkedHashMap<>();
        schools.byIds(bySchool.keySet()).forEach(s -> names.put(s.id(), s));
        int mailed = 0;
        for (var entry : bySchool.entrySet()) {
            List<Admin> to = admins.getOrDefault(entry.getKey(), List.of());
            if (to.isEmpty() || !queries.markMailed(entry.getKey(), today, clock.instant())) {
                continue;
            }
            List<Mail.Alert> alerts = entry.getValue().stream()
                    .map(row -> alert(row, TextBundle.DUTCH))
                    .map(a -> new Mail.Alert(a.message(), URI.create(publicUrl + a.fixPath()))).toList();
            for (Admin admin : to) {
                mailer.send(admin.email(), new Mail.HealthAlert(admin.firstName(), names.get(entry.getKey()).name(), alerts,
                        URI.create(publicUrl + "/")), TextBundle.DUTCH);
            }
            mailed++;
        }
        return mailed;
    }

    private static Alert alert(Row row, Locale language) {
        String group = row.group() == null ? TEXTS.format("alert.noGroup", language, Map.of()) : row.group();
        String message = TEXTS.format("alert." + row.code().name(), language,
                Map.of("count", row.count(), "group", group));
        String fix = switch (row.code()) {
            case STUDENTS_WITHOUT_PRODUCT, PROFESSIONALS_WITHOUT_PASSWORD -> "/beheer";
            case NO_IP_RANGE -> "/beheer/ip-adressen";
        };
        return new Alert(row.code(), row.count(), row.group(), message, fix);
    }
}
