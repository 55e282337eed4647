package nl.klaspoort.hostedlicence.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nl.klaspoort.basispoort.BasispoortClient;
import nl.klaspoort.basispoort.BasispoortData.LicenceChange;
import nl.klaspoort.basispoort.BasispoortData.LikaItem;
import nl.klaspoort.basispoort.BasispoortException;
import nl.klaspoort.contract.Contracts;
import nl.klaspoort.hostedlicence.HostedLicences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One round of hosted licences: compare (what pupils should have against what Basispoort was told; the difference is
 * queued in the outbox in the same transaction as the new "told" state), then send every due push, per school oldest
 * first. A push counts its attempt before it is sent; a push with an earlier attempt first asks Basispoort which users
 * have the product already and sends only the rest, so a process killed between sending and recording sends nothing
 * twice. A failure is recorded (shown on the Basispoort screen) and retried after a back-off that doubles. One node
 * pushes at a time (a database advisory lock).
 */
@Component
public class LicencePusher {

    private static final Logger log = LoggerFactory.getLogger(LicencePusher.class);

    private final LicenceQueries queries;
    private final LicenceStore store;
    private final BasispoortClient basispoort;
    private final Contracts contracts;
    private final HostedLicenceProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;
    /** Products listed in Hosted Lika by this process (listed again after a restart: creating is idempotent). */
    private final Set<String> listed = ConcurrentHashMap.newKeySet();

    LicencePusher(LicenceQueries queries, LicenceStore store, BasispoortClient basispoort, Contracts contracts,
            HostedLicenceProperties properties, TransactionTemplate transaction, Clock clock) {
        this.queries = queries;
        this.store = store;
        this.basispoort = basispoort;
        this.contracts = contracts;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Compares and sends; empty figures when another node is pushing. */
    public HostedLicences.Round round() {
        HostedLicences.Round round = store.whilePushing(() -> {
            int queued = compare();
            int[] sent = send();
            return new HostedLicences.Round(queued, sent[0], sent[1], sent[2]);
        });
        return round == null ? new HostedLicences.Round(0, 0, 0, 0) : round;
    }

    /** Queues the difference, a school's revokes before its grants, one push per school, operation and product. */
    int compare() {
        Integer queued = transaction.execute(status -> {
            store.lockComparison();
            List<LicenceQueries.Difference> differences = queries.differences(contracts.today());
            if (differences.isEmpty()) {
                return 0;
            }
            Map<List<Object>, List<Long>> batches = new LinkedHashMap<>();
            differences.stream().filter(d -> d.revokeFrom() != null).forEach(d -> batches
                    .computeIfAbsent(List.of(d.schoolId(), "REVOKE", d.productCode()), k -> new ArrayList<>()).add(d.revokeFrom()));
            differences.stream().filter(d -> d.grantTo() != null).forEach(d -> batches
                    .computeIfAbsent(List.of(d.schoolId(), "GRANT", d.productCode()), k -> new ArrayList<>()).add(d.grantTo()));
            List<LicenceStore.NewPush> pushes = new ArrayList<>();
            batches.entrySet().stream()
                    .sorted(java.util.Comparator.comparing((Map.Entry<List<Object>, List<Long>> e) -> (Long) e.getKey().get(0)))
                    .forEach(e -> pushes.add(new LicenceStore.NewPush((Long) e.getKey().get(0), (String) e.getKey().get(1),
                            (String) e.getKey().get(2), e.getValue().stream().distinct().sorted().toList())));
            store.tell(differences, clock.instant());
            store.queue(pushes, clock.instant());
            return pushes.size();
        });
        return queued == null ? 0 : queued;
    }

    /** Sends due pushes until none is due; returns {sent, failed, found done}. */
    int[] send() {
        int[] counts = new int[3];
        Set<Long> failedSchools = new HashSet<>();
        while (true) {
            List<LicenceQueries.Push> heads = queries.dueHeads(clock.instant()).stream()
                    .filter(p -> !failedSchools.contains(p.schoolId())).toList();
            if (heads.isEmpty()) {
                return counts;
            }
            for (LicenceQueries.Push push : heads) {
                int outcome = send(push);
                counts[outcome]++;
                if (outcome == 1) {
                    failedSchools.add(push.schoolId()); // its later pushes wait behind this one
                }
            }
        }
    }

    /** 0 sent, 1 failed, 2 found done after an earlier attempt. */
    private int send(LicenceQueries.Push push) {
        store.attempting(push.id());
        try {
            List<Long> users = push.basispoortIds();
            if (push.attempts() > 0) {
                list(push);
                Set<Long> has = new HashSet<>(basispoort.productUsers(properties.methodId(), push.productCode()));
                users = users.stream().filter(id -> push.operation().equals("GRANT") != has.contains(id)).toList();
                if (users.isEmpty()) {
                    store.sent(push.id(), 0, clock.instant());
                    return 2;
                }
            }
            list(push);
            LicenceChange change = new LicenceChange(List.of(), List.of(push.productCode()), users, List.of());
            if (push.operation().equals("GRANT")) {
                basispoort.grant(change);
            } else {
                basispoort.revoke(change);
            }
            store.sent(push.id(), users.size(), clock.instant());
            return 0;
        } catch (BasispoortException e) {
            String error = error(e);
            log.warn("Hosted licence push {} of school {} failed ({}), attempt {}", push.id(), push.schoolId(), error,
                    push.attempts() + 1);
            store.failed(push.id(), error, clock.instant().plus(properties.backoff(push.attempts() + 1)));
            return 1;
        }
    }

    /** Makes sure Klaspoort's method and this product (its tile) exist in Hosted Lika. */
    private void list(LicenceQueries.Push push) {
        if (listed.contains(push.productCode())) {
            return;
        }
        String name = push.productName() == null ? push.productCode() : push.productName();
        basispoort.putProduct(new LikaItem(properties.methodId(), properties.methodId(), properties.methodName(), null),
                new LikaItem(push.productCode(), push.productCode(), name, push.launchUrl()));
        listed.add(push.productCode());
    }

    /** The failure as the Basispoort screen names it. */
    static String error(BasispoortException e) {
        return switch (e) {
            case BasispoortException.Unavailable u -> "UNAVAILABLE";
            case BasispoortException.TlsFailure t -> "TLS_FAILURE";
            case BasispoortException.NotConfigured n -> "NOT_CONFIGURED";
            case BasispoortException.Refused r -> "REFUSED";
            default -> "UNAVAILABLE";
        };
    }
}
