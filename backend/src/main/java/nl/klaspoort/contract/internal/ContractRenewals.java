package nl.klaspoort.contract.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.klaspoort.audit.AuditLog;
import nl.klaspoort.audit.AuditTarget;
import nl.klaspoort.contract.Contracts;
import nl.klaspoort.contract.internal.ContractQueries.Renewal;
import nl.klaspoort.contract.internal.ContractService.ContractAction;
import nl.klaspoort.contract.internal.ContractStore.Stopped;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The nightly job of contracts (A1, A2): renewals and endings applied to the stored data. A contract whose renewal
 * date has come gets its next one (counted from its start, {@link ContractTerms#nextRenewal}); the licences of a
 * contract whose end date has come are stopped on that date. Each change is an audit event without an actor.
 *
 * <p>Runs at five past midnight in Amsterdam, which exists and comes once on every day (the clock changes at 02:00 and
 * 03:00), and at start, so a night the application was down is caught up. Once across nodes: a run takes a
 * transaction-scoped PostgreSQL advisory lock, and a node that finds it taken skips. Idempotent: it writes only what is
 * still due (a renewal date moves only from the value it read; a licence is stopped only when it has no earlier end),
 * so a second run on the same day, or a run after another node's, changes nothing. What the screens show never waits
 * for it: statuses and renewal dates are computed from the dates on every read.
 */
@Component
public class ContractRenewals {

    private static final Logger log = LoggerFactory.getLogger(ContractRenewals.class);

    /** What one run did; {@code skipped} when another node was running. */
    public record Run(LocalDate day, boolean skipped, int renewed, int licencesStopped) {}

    private final ContractQueries queries;
    private final ContractStore store;
    private final Contracts contracts;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final JsonMapper json;

    ContractRenewals(ContractQueries queries, ContractStore store, Contracts contracts, AuditLog audit,
            TransactionTemplate tx, JsonMapper json) {
        this.queries = queries;
        this.store = store;
        this.contracts = contracts;
        this.audit = audit;
        this.tx = tx;
        this.json = json;
    }

    @Scheduled(cron = "${klaspoort.contracts.renewal-cron:0 5 0 * * *}", zone = "Europe/Amsterdam")
    void nightly() {
        run();
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        run();
    }

    /** Applies what is due today; see the class. */
    public Run run() {
        LocalDate today = contracts.today();
        Run run = tx.execute(status -> {
            if (!store.tryRenewalLock()) {
                return new Run(today, true, 0, 0);
            }
            return new Run(today, false, renew(today), stopLicences(today));
        });
        if (run.renewed() > 0 || run.licencesStopped() > 0) {
            log.info("Contracts on {}: {} renewed, {} licences of ended contracts stopped", today, run.renewed(),
                    run.licencesStopped());
        }
        return run;
    }

    private int renew(LocalDate today) {
        List<Renewal> due = queries.dueRenewals(today);
        if (due.isEmpty()) {
            return 0;
        }
        List<Long> ids = new ArrayList<>();
        List<LocalDate> from = new ArrayList<>();
        List<LocalDate> to = new ArrayList<>();
        Map<Long, List<AuditLog.Entry>> events = new LinkedHashMap<>();
        for (Renewal r : due) {
            LocalDate next = ContractTerms.nextRenewal(r.start(), today);
            ids.add(r.contractId());
            from.add(r.renewal());
            to.add(next);
            events.computeIfAbsent(r.schoolId(), k -> new ArrayList<>()).add(new AuditLog.Entry(
                    AuditTarget.contract(r.contractId(), r.name()), renewal(r.renewal()), renewal(next)));
        }
        int renewed = store.renew(ids, from, to);
        events.forEach((school, entries) -> audit.record(school, ContractAction.CONTRACT_RENEWED, entries));
        return renewed;
    }

    private int stopLicences(LocalDate today) {
        List<Stopped> stopped = store.stopLicencesOfEndedContracts(today);
        Map<Long, List<AuditLog.Entry>> events = new LinkedHashMap<>();
        for (Stopped s : stopped) {
            events.computeIfAbsent(s.schoolId(), k -> new ArrayList<>()).add(new AuditLog.Entry(
                    AuditTarget.contract(s.contractId(), s.name()),
                    json.createObjectNode().put("licencesInUse", s.licences()).toString(),
                    json.createObjectNode().put("licencesInUse", 0).put("endDate", s.end().toString()).toString()));
        }
        events.forEach((school, entries) -> audit.record(school, ContractAction.CONTRACT_LICENCES_STOPPED, entries));
        return stopped.stream().mapToInt(Stopped::licences).sum();
    }

    private String renewal(LocalDate date) {
        return json.createObjectNode().put("renewalDate", date.toString()).toString();
    }
}
