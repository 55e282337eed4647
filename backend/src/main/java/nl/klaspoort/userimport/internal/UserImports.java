package nl.klaspoort.userimport.internal;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import nl.klaspoort.access.Role;
import nl.klaspoort.access.Roles;
import nl.klaspoort.access.SchoolAccess;
import nl.klaspoort.administration.Invitees;
import nl.klaspoort.administration.ProfessionalCreated;
import nl.klaspoort.audit.AuditLog;
import nl.klaspoort.audit.AuditTarget;
import nl.klaspoort.membership.Invitations;
import nl.klaspoort.membership.Memberships;
import nl.klaspoort.people.People;
import nl.klaspoort.people.People.NewProfessional;
import nl.klaspoort.people.People.NewStudent;
import nl.klaspoort.people.Person;
import nl.klaspoort.platform.AccessRefusedException;
import nl.klaspoort.platform.BadRequestException;
import nl.klaspoort.platform.CommonError;
import nl.klaspoort.platform.PayloadError;
import nl.klaspoort.security.CurrentUser;
import nl.klaspoort.spreadsheet.CheckedRow;
import nl.klaspoort.spreadsheet.Column;
import nl.klaspoort.spreadsheet.ImportReview;
import nl.klaspoort.spreadsheet.ProfessionalRow;
import nl.klaspoort.spreadsheet.SheetKind;
import nl.klaspoort.spreadsheet.SheetRole;
import nl.klaspoort.spreadsheet.SheetRow;
import nl.klaspoort.spreadsheet.Spreadsheets;
import nl.klaspoort.spreadsheet.StudentRow;
import nl.klaspoort.userimport.internal.ImportView.Progress;
import nl.klaspoort.userimport.internal.ImportView.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spreadsheet imports of users (B5, B7, X3; manual 4.4.1.2 and 4.4.2.2): upload, review, edit, confirm, discard.
 * Every operation requires ADMIN at the school (no role there: not found; another role: forbidden), and an import of
 * another school is not found. Nothing becomes a user until the confirmation, which writes every row or none in one
 * transaction, through the owners' APIs, with a constant number of statements, and logs one audit batch. Created
 * supervisors and students land in the archive (until they get products and koppelingen); created professionals get
 * their activation e-mail ({@link ProfessionalCreated}). Names and passwords are never logged.
 */
@Service
class UserImports {

    private static final Logger LOG = LoggerFactory.getLogger(UserImports.class);

    /** An upload taken in: its id and how many rows it has. */
    record Uploaded(UUID id, SheetKind kind, int rows) {}

    /** GraphQL {@code SpreadsheetImportRowUpdateInput}. */
    record RowInput(String schoolId, String importId, int rowNumber, String firstName, String namePrefix,
            String lastName, String roles, String email, String gradeYear, String group, String username,
            String password) {

        @Override
        public String toString() {
            return "RowInput[" + importId + ", " + rowNumber + "]";
        }
    }

    /** GraphQL {@code SpreadsheetImportRowUpdatePayload}. */
    record RowUpdated(ImportView spreadsheetImport, Row row, List<PayloadError> errors) {}

    /** A created student's login, handed out once (GraphQL {@code SpreadsheetImportLogin}). */
    record Login(int rowNumber, String name, String username, String password) {
        @Override
        public String toString() {
            return "Login[" + rowNumber + "]";
        }
    }

    /** GraphQL {@code SpreadsheetImportConfirmPayload}. */
    record Confirmed(ImportView spreadsheetImport, int created, List<Login> logins, String batchId,
            List<PayloadError> errors) {}

    /** GraphQL {@code SpreadsheetImportDiscardPayload}. */
    record Discarded(String importId, List<PayloadError> errors) {}

    private final SchoolAccess access;
    private final Spreadsheets spreadsheets;
    private final UserImportStore store;
    private final UserImportQueries queries;
    private final ImportReviews reviews;
    private final StudentCredentials credentials;
    private final PasswordHashing hashing;
    private final People people;
    private final Memberships memberships;
    private final Roles roles;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final Duration retention;
    private final Invitees invitees;

    UserImports(SchoolAccess access, Spreadsheets spreadsheets, UserImportStore store, UserImportQueries queries,
            ImportReviews reviews, StudentCredentials credentials, PasswordHashing hashing, People people,
            Memberships memberships, Roles roles, AuditLog audit, ApplicationEventPublisher events, JsonMapper json,
            Clock clock, TransactionTemplate transaction,
            @Value("${klaspoort.imports.retention:PT24H}") Duration retention, Invitees invitees) {
        this.access = access;
        this.spreadsheets = spreadsheets;
        this.store = store;
        this.queries = queries;
        this.reviews = reviews;
        this.credentials = credentials;
        this.hashing = hashing;
        this.people = people;
        this.memberships = memberships;
        this.roles = roles;
        this.audit = audit;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.transaction = transaction;
        this.retention = retention;
        this.invitees = invitees;
    }

    /**
     * Takes in an upload: checks the role first (before the file is read), reads the file (refused with a
     * {@link nl.klaspoort.spreadsheet.SpreadsheetRejectedException} when it cannot be), gives students their generated
     * login, stores the rows and starts hashing the passwords. Three statements whatever the number of rows.
     */
    Uploaded upload(String schoolIdText, String kindText, InputStream file) {
        long schoolId = access.require(schoolIdText, Role.ADMIN);
        SheetKind kind = kind(kindText);
        List<SheetRow> rows = spreadsheets.read(kind, file).rows();
        if (kind == SheetKind.STUDENTS) {
            rows = credentials.fill(schoolId, rows, Set.of());
        }
        Instant now = clock.instant();
        ImportRecord record = new ImportRecord(UUID.randomUUID(), schoolId, kind, CurrentUser.id(), now,
                now.plus(retention), null, null);
        store.create(record, rows);
        LOG.info("Import {} of {} {} rows at school {}", record.id(), rows.size(), kind, schoolId);
        if (kind == SheetKind.STUDENTS) {
            hashing.start(record);
        }
        return new Uploaded(record.id(), kind, rows.size());
    }

    /** The import as the review step shows it, checked now. Not found: another school's, expired or discarded. */
    ImportView view(long schoolId, String importIdText) {
        access.require(schoolId, Role.ADMIN);
        ImportRecord record = found(queries.find(uuid(importIdText), schoolId, clock.instant()));
        return reviews.view(record, queries.rows(record.id()));
    }

    /**
     * Changes every cell of one row as the review grid sends it, and checks the import again. A student's username
     * cleared gets a new suggestion, a password cleared a new generated one; a changed password is hashed here.
     */
    RowUpdated updateRow(RowInput input) {
        long schoolId = access.require(input.schoolId(), Role.ADMIN);
        UUID id = uuidOrNull(input.importId());
        return transaction.execute(status -> {
            Optional<ImportRecord> found = id == null ? Optional.empty() : queries.lock(id, schoolId, clock.instant());
            if (found.isEmpty()) {
                return new RowUpdated(null, null, List.of(PayloadError.of(CommonError.NOT_FOUND).field("importId")));
            }
            ImportRecord record = found.get();
            if (record.confirmed()) {
                return new RowUpdated(null, null, List.of(PayloadError.of(ImportError.IMPORT_CONFIRMED)));
            }
            List<StoredRow> rows = queries.rows(record.id());
            StoredRow current = rows.stream().filter(r -> r.rowNumber() == input.rowNumber()).findFirst().orElse(null);
            if (current == null) {
                return new RowUpdated(null, null,
                        List.of(PayloadError.of(CommonError.NOT_FOUND).field("rowNumber").item(input.rowNumber())));
            }
            SheetRow edited = edited(record.kind(), input);
            String hash = null;
            if (record.kind() == SheetKind.STUDENTS) {
                Set<String> others = new HashSet<>();
                rows.stream().filter(r -> r != current)
                        .forEach(r -> others.add(r.cells().get(Column.USERNAME).toLowerCase(Locale.ROOT)));
                edited = credentials.fill(schoolId, List.of(edited), others).getFirst();
                String password = edited.get(Column.PASSWORD);
                hash = password.equals(current.cells().get(Column.PASSWORD)) && current.passwordHash() != null
                        ? current.passwordHash() : hashing.hash(password);
            }
            store.updateRow(record.id(), edited, hash);
            StoredRow updated = new StoredRow(edited, hash, null);
            List<StoredRow> now = rows.stream().map(r -> r == current ? updated : r).toList();
            ImportView view = reviews.view(record, now);
            Row row = view.allRows().stream().filter(r -> r.rowNumber() == input.rowNumber()).findFirst().orElseThrow();
            return new RowUpdated(view, row, List.of());
        });
    }

    /**
     * Creates every user of the import in one transaction, or none: refused while any row has a problem (checked again
     * here, against the database as it is now), when the import was confirmed already, or is not found.
     */
    Confirmed confirm(String schoolIdText, String importIdText) {
        long schoolId = access.require(schoolIdText, Role.ADMIN);
        UUID id = uuidOrNull(importIdText);
        if (id == null) {
            return new Confirmed(null, 0, List.of(), null, List.of(PayloadError.of(CommonError.NOT_FOUND).field("importId")));
        }
        try {
            Confirmed confirmed = transaction.execute(status -> confirmInTransaction(schoolId, id));
            if (confirmed != null) {
                return confirmed;
            }
            // some passwords are not hashed yet (the upload was moments ago, or its node went away): finish, then write
            hashing.finish(found(queries.find(id, schoolId, clock.instant())));
            return transaction.execute(status -> confirmInTransaction(schoolId, id));
        } catch (DuplicateKeyException e) {
            // someone took an e-mail address or username between the check and the write: nothing was written
            LOG.info("Import {} ran into a login taken meanwhile; nothing written", id);
            return new Confirmed(view(schoolId, importIdText), 0, List.of(), null,
                    List.of(PayloadError.of(ImportError.IMPORT_HAS_PROBLEMS).param("count", 1)));
        } catch (AccessRefusedException e) {
            return new Confirmed(null, 0, List.of(), null, List.of(PayloadError.of(CommonError.NOT_FOUND).field("importId")));
        }
    }

    /** Null when a student's password still waits for its hash (nothing written then). */
    private Confirmed confirmInTransaction(long schoolId, UUID id) {
        ImportRecord record = found(queries.lock(id, schoolId, clock.instant()));
        List<StoredRow> rows = queries.rows(id);
        if (record.confirmed()) {
            return new Confirmed(reviews.view(record, rows), 0, List.of(), null,
                    List.of(PayloadError.of(ImportError.IMPORT_CONFIRMED)));
        }
        if (rows.stream().anyMatch(StoredRow::awaitsHash)) {
            return null;
        }
        ImportReview<?> review = reviews.check(record, rows.stream().map(StoredRow::cells).toList());
        if (!review.allGood()) {
            return new Confirmed(reviews.view(record, rows), 0, List.of(), null, List.of(PayloadError.of(
                    ImportError.IMPORT_HAS_PROBLEMS).param("count", review.counts().withProblems())));
        }
        Instant now = clock.instant();
        List<Long> ids;
        List<Login> logins = new ArrayList<>();
        List<AuditLog.Entry> entries = new ArrayList<>();
        UUID batch;
        if (record.kind() == SheetKind.PROFESSIONALS) {
            List<ProfessionalRow> values = review.rows().stream().map(r -> (ProfessionalRow) r.value()).toList();
            // issue 10, item 9: the address of someone of another school becomes an invitation, logged alike
            Map<String, Long> invitable = invitees.invitable(schoolId, values.stream().map(ProfessionalRow::email).toList());
            java.util.Iterator<Long> created = people.createProfessionals(values.stream()
                    .filter(v -> !invitable.containsKey(v.email())).map(v -> new NewProfessional(v.firstName(),
                            v.namePrefix(), v.lastName(), v.email(), null, null)).toList()).iterator();
            java.util.Iterator<Long> invited = invitees.invite(schoolId, values.stream()
                    .filter(v -> invitable.containsKey(v.email())).map(v -> new Invitations.NewInvitation(
                            invitable.get(v.email()), v.firstName(), v.namePrefix(), v.lastName(), v.email(), null,
                            v.roles().stream().sorted().map(Enum::name).toList(), List.of(),
                            v.roles().contains(SheetRole.SUPERVISOR))).toList()).iterator();
            ids = new ArrayList<>();
            List<Long> fresh = new ArrayList<>();
            List<Long> admins = new ArrayList<>();
            List<Long> supervisors = new ArrayList<>();
            for (ProfessionalRow v : values) {
                boolean invitation = invitable.containsKey(v.email());
                long user = invitation ? invited.next() : created.next();
                ids.add(user);
                Set<SheetRole> sheetRoles = v.roles();
                if (!invitation) {
                    fresh.add(user);
                    if (sheetRoles.contains(SheetRole.ADMIN)) {
                        admins.add(user);
                    }
                    if (sheetRoles.contains(SheetRole.SUPERVISOR)) {
                        supervisors.add(user);
                    }
                }
                // a pending invitation reads as the names typed in the sheet
                AuditTarget target = invitation ? new AuditTarget(AuditTarget.Type.USER, user,
                        Person.displayName(v.firstName(), v.namePrefix(), v.lastName())) : AuditTarget.user(user);
                entries.add(new AuditLog.Entry(target, null, state("PROFESSIONAL",
                        sheetRoles.contains(SheetRole.SUPERVISOR), null, sheetRoles.stream().sorted().map(Enum::name).toList())));
            }
            memberships.join(schoolId, fresh);
            roles.grant(schoolId, admins, List.of(Role.ADMIN));
            roles.grant(schoolId, supervisors, List.of(Role.SUPERVISOR));
            // manual 4.4.1.2: created supervisors wait in the archive until they get a product and students
            memberships.setArchived(schoolId, supervisors, true);
            batch = audit.record(schoolId, ImportAction.PROFESSIONALS_IMPORT, entries);
            fresh.forEach(professional -> events.publishEvent(new ProfessionalCreated(schoolId, professional)));
        } else {
            Map<Integer, String> hashes = new LinkedHashMap<>();
            rows.forEach(row -> hashes.put(row.rowNumber(), row.passwordHash()));
            List<StudentRow> values = review.rows().stream().map(r -> (StudentRow) r.value()).toList();
            ids = people.createStudents(values.stream().map(v -> new NewStudent(schoolId, v.firstName(), v.namePrefix(),
                    v.lastName(), v.username(), v.gradeYear(), v.group(), hashes.get(v.rowNumber()))).toList());
            memberships.join(schoolId, ids);
            // manual 4.4.2.2: created students wait in the archive until they get a product and a supervisor
            memberships.setArchived(schoolId, ids, true);
            for (int i = 0; i < ids.size(); i++) {
                StudentRow v = values.get(i);
                entries.add(new AuditLog.Entry(AuditTarget.user(ids.get(i)), null, state("STUDENT", true, v.gradeYear(), List.of())));
                logins.add(new Login(v.rowNumber(), Person.displayName(v.firstName(), v.namePrefix(), v.lastName()),
                        v.username(), v.password()));
            }
            batch = audit.record(schoolId, ImportAction.STUDENTS_IMPORT, entries);
        }
        List<Integer> numbers = review.rows().stream().map(CheckedRow::rowNumber).toList();
        store.confirm(id, now, batch, numbers, ids);
        LOG.info("Import {} confirmed: {} users created at school {}", id, ids.size(), schoolId);
        ImportRecord confirmed = new ImportRecord(record.id(), schoolId, record.kind(), record.createdBy(),
                record.createdAt(), record.expiresAt(), now, batch);
        List<StoredRow> after = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            after.add(new StoredRow(rows.get(i).cells().with(Column.PASSWORD, null), null, ids.get(i)));
        }
        return new Confirmed(reviews.view(confirmed, after), ids.size(), logins, batch.toString(), List.of());
    }

    /** Deletes the import (not its users, when it was confirmed). */
    Discarded discard(String schoolIdText, String importIdText) {
        long schoolId = access.require(schoolIdText, Role.ADMIN);
        UUID id = uuidOrNull(importIdText);
        if (id == null || !store.delete(id, schoolId)) {
            return new Discarded(importIdText, List.of(PayloadError.of(CommonError.NOT_FOUND).field("importId")));
        }
        LOG.info("Import {} discarded at school {}", id, schoolId);
        return new Discarded(id.toString(), List.of());
    }

    /**
     * The error workbook of the import as it is now (X3): checks the role at the import's school, then hands back the
     * writer of the workbook (so that nothing is sent before the check) and its kind.
     */
    ErrorWorkbook errorWorkbook(String importIdText) {
        UUID id = uuid(importIdText);
        long schoolId = found(queries.schoolOf(id, clock.instant()));
        access.require(schoolId, Role.ADMIN);
        ImportRecord record = found(queries.find(id, schoolId, clock.instant()));
        ImportReview<?> review = reviews.check(record, queries.rows(id).stream().map(StoredRow::cells).toList());
        return new ErrorWorkbook(record.kind(), out -> spreadsheets.writeErrorWorkbook(review, out));
    }

    record ErrorWorkbook(SheetKind kind, Consumer<OutputStream> writer) {}

    /** The current progress of an import, after the role check; not found like {@link #view}. */
    Progress progress(String schoolIdText, String importIdText) {
        long schoolId = access.require(schoolIdText, Role.ADMIN);
        ImportRecord record = found(queries.find(uuid(importIdText), schoolId, clock.instant()));
        UserImportQueries.HashProgress counts = queries.hashProgress(record.id());
        return ImportReviews.progress(record, counts.done(), counts.total());
    }

    /**
     * The progress of an import whose subscriber passed {@link #progress(String, String)} already (no role check: a
     * subscription's later steps run without the request's security context). An import gone meanwhile reads as ready.
     */
    Progress progressOf(String importId, String schoolIdText) {
        Optional<ImportRecord> record = queries.find(UUID.fromString(importId), Long.parseLong(schoolIdText), clock.instant());
        if (record.isEmpty()) {
            return new Progress(importId, ImportView.Status.READY, 0, 0);
        }
        UserImportQueries.HashProgress counts = queries.hashProgress(record.get().id());
        return ImportReviews.progress(record.get(), counts.done(), counts.total());
    }

    /** Progress of hashing on this node, as it happens. */
    reactor.core.publisher.Flux<Progress> progressEvents() {
        return hashing.progress();
    }

    /** Imports are kept for a limited time ({@code klaspoort.imports.retention}); expired ones go. */
    @Scheduled(fixedDelayString = "${klaspoort.imports.cleanup-interval:PT15M}", initialDelayString = "PT1M")
    int deleteExpired() {
        int deleted = store.deleteExpired(clock.instant());
        if (deleted > 0) {
            LOG.info("Deleted {} expired imports", deleted);
        }
        return deleted;
    }

    /** The after-state of a created user, in the shape of the member states the audit log keeps. */
    private String state(String kind, boolean archived, Integer gradeYear, List<String> roleNames) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("kind", kind);
        state.put("archived", archived);
        state.put("gradeYear", gradeYear);
        state.put("roles", roleNames);
        state.put("products", List.of());
        state.put("enrollments", List.of());
        return json.writeValueAsString(state);
    }

    /** The row as the grid sends it: the kind's columns, plus a student's username and password. */
    private static SheetRow edited(SheetKind kind, RowInput input) {
        Map<Column, String> cells = new LinkedHashMap<>();
        put(cells, Column.FIRST_NAME, input.firstName());
        put(cells, Column.NAME_PREFIX, input.namePrefix());
        put(cells, Column.LAST_NAME, input.lastName());
        if (kind == SheetKind.PROFESSIONALS) {
            put(cells, Column.ROLES, input.roles());
            put(cells, Column.EMAIL, input.email());
        } else {
            put(cells, Column.GRADE_YEAR, input.gradeYear());
            put(cells, Column.GROUP, input.group());
            put(cells, Column.USERNAME, input.username());
            put(cells, Column.PASSWORD, input.password());
        }
        return new SheetRow(input.rowNumber(), cells);
    }

    private static void put(Map<Column, String> cells, Column column, String text) {
        if (text != null) {
            cells.put(column, text.length() > 1_024 ? text.substring(0, 1_024) : text);
        }
    }

    private static SheetKind kind(String text) {
        try {
            return SheetKind.valueOf(text == null ? "" : text.strip());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(CommonError.INVALID_ID, Map.of("argument", "kind", "value", String.valueOf(text)));
        }
    }

    private static <T> T found(Optional<T> value) {
        return value.orElseThrow(() -> new AccessRefusedException(AccessRefusedException.Reason.NOT_FOUND, "import"));
    }

    private static UUID uuid(String text) {
        UUID id = uuidOrNull(text);
        if (id == null) {
            throw new AccessRefusedException(AccessRefusedException.Reason.NOT_FOUND, "import");
        }
        return id;
    }

    private static UUID uuidOrNull(String text) {
        try {
            return text == null ? null : UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
