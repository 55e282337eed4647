package nl.klaspoort.contract.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.klaspoort.access.Role;
import nl.klaspoort.access.SchoolAccess;
import nl.klaspoort.audit.AuditAction;
import nl.klaspoort.audit.AuditLog;
import nl.klaspoort.audit.AuditTarget;
import nl.klaspoort.contract.Contracts;
import nl.klaspoort.contract.Contracts.Kind;
import nl.klaspoort.contract.internal.ContractQueries.ContractRow;
import nl.klaspoort.contract.internal.ContractQueries.LicenceRow;
import nl.klaspoort.contract.internal.ContractTerms.Status;
import nl.klaspoort.platform.AccessRefusedException;
import nl.klaspoort.platform.CommonError;
import nl.klaspoort.platform.Connection;
import nl.klaspoort.platform.Cursors;
import nl.klaspoort.platform.PageSize;
import nl.klaspoort.platform.Ids;
import nl.klaspoort.platform.PayloadError;
import nl.klaspoort.platform.Where;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Abonnementen (A1-A4, manual 4.13): a school's contracts with their licences for its ADMINs (SUPERVISORs see the
 * contracts, not who holds the licences), ending a contract at its renewal date and cancelling that while the date
 * has not come, ending one student's licence (at once on a school-wide contract, at its yearly renewal on a legacy
 * per-student contract) and cancelling that. Every change is an audit event; days are Amsterdam days of the clock.
 */
@Service
class ContractService {

    /** The audit actions of contracts ({@code extend enum AuditAction} in {@code contracts.graphqls}). */
    enum ContractAction implements AuditAction {
        CONTRACT_END, CONTRACT_END_CANCEL, LICENCE_END, LICENCE_END_CANCEL, CONTRACT_RENEWED, CONTRACT_LICENCES_STOPPED
    }

    /** GraphQL {@code ContractPayload}. */
    record ContractPayload(Contract contract, List<PayloadError> errors) {}

    /** GraphQL {@code LicencePayload}. */
    record LicencePayload(Licence licence, List<PayloadError> errors) {}

    private static final String CONTRACTS = "contracts";
    private static final String LICENCES = "licences";
    private static final String BY_NAME = "NAME";

    private final ContractQueries queries;
    private final ContractStore store;
    private final ContractLicences licences;
    private final Contracts contracts;
    private final SchoolAccess access;
    private final AuditLog audit;
    private final JsonMapper json;

    ContractService(ContractQueries queries, ContractStore store, ContractLicences licences, Contracts contracts,
            SchoolAccess access, AuditLog audit, JsonMapper json) {
        this.queries = queries;
        this.store = store;
        this.licences = licences;
        this.contracts = contracts;
        this.access = access;
        this.audit = audit;
        this.json = json;
    }

    /** A page of the school's contracts (only the running ones when asked), by product and start; ADMIN or SUPERVISOR. */
    Connection<Contract> contracts(long schoolId, Integer first, String after, Boolean running) {
        access.require(schoolId, Role.ADMIN, Role.SUPERVISOR);
        PageSize size = PageSize.of(first);
        String order = Boolean.TRUE.equals(running) ? "RUNNING" : "ALL";
        LocalDate today = contracts.today();
        Where where = Where.of("c.school_id = :school", "school", schoolId)
                .andIf(Boolean.TRUE.equals(running), "c.start_date <= :today and (c.end_date is null or :today < c.end_date)");
        if (after != null) {
            List<String> keys = Cursors.decode(after, CONTRACTS, order, 3);
            where.and("(p.name, c.start_date, c.id) > (:afterName, :afterStart, :afterId)", "afterName", keys.get(0),
                    "afterStart", date(keys.get(1)), "afterId", id(keys.get(2)));
        }
        List<ContractRow> rows = queries.contracts(where, size.fetch(), today);
        Map<Long, String> cursors = new LinkedHashMap<>();
        rows.forEach(r -> cursors.put(r.contract().id(), Cursors.encode(CONTRACTS, order, r.productName(),
                r.contract().startDate(), r.contract().id())));
        return Connection.of(rows.stream().map(ContractRow::contract).toList(), size, after != null,
                c -> cursors.get(c.id()));
    }

    /** One contract of the school, or null when there is no such contract there; ADMIN or SUPERVISOR. */
    Contract contract(long schoolId, String contractId) {
        access.require(schoolId, Role.ADMIN, Role.SUPERVISOR);
        Long id = Ids.parse(contractId);
        return id == null ? null : queries.contract(id, contracts.today()).filter(c -> c.schoolId() == schoolId).orElse(null);
    }

    /** A page of the contract's licences by the students' names, optionally only those whose names hold every word of {@code search}; ADMIN. */
    Connection<Licence> licences(Contract contract, Integer first, String after, String search) {
        access.require(contract.schoolId(), Role.ADMIN);
        PageSize size = PageSize.of(first);
        String words = search == null || search.isBlank() ? null : search.strip();
        if (words != null && words.length() > 100) {
            throw new nl.klaspoort.platform.BadRequestException(CommonError.ARGUMENT_TOO_LONG,
                    Map.of("argument", "search", "max", "100"));
        }
        Where where = Where.of("l.contract_id = :contract", "contract", contract.id())
                .andIf(words != null, """
                        not exists (select 1 from unnest(string_to_array(:search, ' ')) w(word)
                                     where w.word <> '' and strpos(u.search_text, search_norm(w.word)) = 0)""", "search", words);
        String order = words == null ? BY_NAME : BY_NAME + ":" + words;
        if (after != null) {
            List<String> keys = Cursors.decode(after, LICENCES, order, 3);
            where.and("(u.search_last, u.search_first, u.id) > (:afterLast, :afterFirst, :afterId)", "afterLast", keys.get(0),
                    "afterFirst", keys.get(1), "afterId", id(keys.get(2)));
        }
        List<LicenceRow> rows = queries.licences(where, size.fetch(), contracts.today());
        Map<Long, String> cursors = new LinkedHashMap<>();
        rows.forEach(r -> cursors.put(r.licence().id(), Cursors.encode(LICENCES, order, r.last(), r.first(),
                r.licence().student().id())));
        return Connection.of(rows.stream().map(LicenceRow::licence).toList(), size, after != null,
                l -> cursors.get(l.id()));
    }

    /** A2: the contract ends at its renewal date and no longer renews. */
    @Transactional
    ContractPayload end(String contractId) {
        return changeContract(contractId, (contract, today) -> {
            if (contract.status() == Status.ENDED) {
                return new ContractPayload(contract, List.of(error(ContractError.CONTRACT_ENDED, "contractId", contract.endDate())));
            }
            if (contract.status() == Status.ENDING) {
                return new ContractPayload(contract, List.of());
            }
            LocalDate end = ContractTerms.nextRenewal(contract.startDate(), today);
            store.setEnd(contract.id(), end);
            record(contract, ContractAction.CONTRACT_END, state(null, contract.renewalDate()), state(end, null));
            return new ContractPayload(queries.contract(contract.id(), today).orElseThrow(), List.of());
        });
    }

    /** A2: an ending is cancelled while its end date has not come; the contract renews again. */
    @Transactional
    ContractPayload cancelEnd(String contractId) {
        return changeContract(contractId, (contract, today) -> {
            if (contract.status() == Status.ENDED) {
                return new ContractPayload(contract, List.of(error(ContractError.ENDING_PASSED, "contractId", contract.endDate())));
            }
            if (contract.status() == Status.ACTIVE) {
                return new ContractPayload(contract, List.of());
            }
            store.setEnd(contract.id(), null);
            Contract after = queries.contract(contract.id(), today).orElseThrow();
            record(contract, ContractAction.CONTRACT_END_CANCEL, state(contract.endDate(), null), state(null, after.renewalDate()));
            return new ContractPayload(after, List.of());
        });
    }

    /**
     * A3/A4: a student's licence ends: at once on a school-wide contract (the student can no longer start the product),
     * at its yearly renewal on a per-student contract (it no longer renews).
     */
    @Transactional
    LicencePayload endLicence(String licenceId) {
        return changeLicence(licenceId, (licence, contract, today) -> {
            if (licence.status() != Status.ACTIVE && (contract.endDate() == null || !contract.endDate().equals(licence.endDate()))) {
                return new LicencePayload(licence, List.of()); // already ending or ended of its own
            }
            LocalDate end = licence.kind() == Kind.SCHOOL_WIDE ? today : ContractTerms.nextRenewal(licence.startDate(), today);
            store.setLicenceEnd(licence.id(), end);
            Licence after = queries.licence(licence.id(), today).orElseThrow();
            recordLicence(contract, after, ContractAction.LICENCE_END, null, end);
            return new LicencePayload(after, List.of());
        });
    }

    /**
     * A3/A4: a licence's ending is cancelled: a school-wide licence comes back (when a seat is free), a per-student
     * licence renews again while its end date has not come.
     */
    @Transactional
    LicencePayload cancelLicenceEnd(String licenceId) {
        return changeLicence(licenceId, (licence, contract, today) -> {
            if (!licence.endingCancellable()) {
                boolean own = licence.endDate() != null && !licence.endDate().equals(contract.endDate());
                return new LicencePayload(licence, own ? List.of(error(ContractError.ENDING_PASSED, "licenceId", licence.endDate()))
                        : List.of());
            }
            if (licence.status() == Status.ENDED) { // a school-wide licence ended at once takes a seat again
                List<PayloadError> problems = licences.problems(licence.schoolId(), Map.of(contract.productId(), 1), today);
                if (!problems.isEmpty()) {
                    return new LicencePayload(licence, problems.stream().map(p -> new PayloadError(p.code(), "licenceId",
                            p.itemId(), p.params())).toList());
                }
            }
            LocalDate before = licence.endDate();
            store.setLicenceEnd(licence.id(), null);
            Licence after = queries.licence(licence.id(), today).orElseThrow();
            recordLicence(contract, after, ContractAction.LICENCE_END_CANCEL, before, null);
            return new LicencePayload(after, List.of());
        });
    }

    private interface ContractChange {
        ContractPayload apply(Contract contract, LocalDate today);
    }

    private interface LicenceChange {
        LicencePayload apply(Licence licence, Contract contract, LocalDate today);
    }

    /** The change of a contract the signed-in user administers (NOT_FOUND otherwise), on today. */
    private ContractPayload changeContract(String contractId, ContractChange change) {
        LocalDate today = contracts.today();
        Contract contract = administeredContract(contractId, today);
        return contract == null ? new ContractPayload(null, List.of(notFound("contractId"))) : change.apply(contract, today);
    }

    /** The change of a licence the signed-in user administers (NOT_FOUND otherwise) of a contract that has not ended. */
    private LicencePayload changeLicence(String licenceId, LicenceChange change) {
        LocalDate today = contracts.today();
        Licence licence = administeredLicence(licenceId, today);
        if (licence == null) {
            return new LicencePayload(null, List.of(notFound("licenceId")));
        }
        Contract contract = queries.contract(licence.contractId(), today).orElseThrow();
        if (contract.status() == Status.ENDED) {
            return new LicencePayload(licence, List.of(error(ContractError.CONTRACT_ENDED, "licenceId", contract.endDate())));
        }
        return change.apply(licence, contract, today);
    }

    private static PayloadError error(ContractError code, String field, LocalDate date) {
        return PayloadError.of(code).field(field).param("date", date);
    }

    /** The contract when the signed-in user is ADMIN at its school; null when it does not exist or they hold no role there. */
    private Contract administeredContract(String contractId, LocalDate today) {
        Long id = Ids.parse(contractId);
        Contract contract = id == null ? null : queries.contract(id, today).orElse(null);
        return contract != null && administers(contract.schoolId()) ? contract : null;
    }

    private Licence administeredLicence(String licenceId, LocalDate today) {
        Long id = Ids.parse(licenceId);
        Licence licence = id == null ? null : queries.licence(id, today).orElse(null);
        return licence != null && administers(licence.schoolId()) ? licence : null;
    }

    /** ADMIN at the school: true; no role there: false (no hint it exists); another role: FORBIDDEN. */
    private boolean administers(long schoolId) {
        Set<Role> roles = access.rolesAt(schoolId);
        if (roles.isEmpty()) {
            return false;
        }
        if (!roles.contains(Role.ADMIN)) {
            throw new AccessRefusedException(AccessRefusedException.Reason.FORBIDDEN, "school " + schoolId);
        }
        return true;
    }

    private void record(Contract contract, ContractAction action, ObjectNode before, ObjectNode after) {
        audit.record(contract.schoolId(), action, List.of(new AuditLog.Entry(AuditTarget.contract(contract.id(), contract.name()),
                json.writeValueAsString(before), json.writeValueAsString(after))));
    }

    private void recordLicence(Contract contract, Licence licence, ContractAction action, LocalDate before, LocalDate after) {
        ObjectNode from = json.createObjectNode().put("contract", contract.name());
        ObjectNode to = json.createObjectNode().put("contract", contract.name());
        from.put("licenceEnd", before == null ? null : before.toString());
        to.put("licenceEnd", after == null ? null : after.toString());
        audit.record(contract.schoolId(), action, List.of(new AuditLog.Entry(AuditTarget.user(licence.student().id()),
                json.writeValueAsString(from), json.writeValueAsString(to))));
    }

    private ObjectNode state(LocalDate end, LocalDate renewal) {
        ObjectNode node = json.createObjectNode();
        node.put("endDate", end == null ? null : end.toString());
        node.put("renewalDate", renewal == null ? null : renewal.toString());
        return node;
    }

    private static PayloadError notFound(String field) {
        return PayloadError.of(CommonError.NOT_FOUND).field(field);
    }


    private static long id(String key) {
        Long id = Ids.parse(key);
        if (id == null) {
            throw Cursors.invalid();
        }
        return id;
    }

    private static LocalDate date(String key) {
        try {
            return LocalDate.parse(key);
        } catch (java.time.format.DateTimeParseException e) {
            throw Cursors.invalid();
        }
    }
}
