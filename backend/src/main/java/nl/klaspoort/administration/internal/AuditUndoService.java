package nl.klaspoort.administration.internal;

import nl.klaspoort.platform.PayloadError;

import nl.klaspoort.audit.AuditLog;
import nl.klaspoort.membership.Memberships;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.klaspoort.access.Role;
import nl.klaspoort.access.SchoolAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Undo of one audit batch (X5): every user of the batch gets back the state recorded before it (archive state,
 * gradeYear, roles, product assignments, enrollments with supervisors). Refused, as a whole, when a user's current
 * state is no longer the state the batch left (a later change would be overwritten). A constant number of statements.
 */
@Service
class AuditUndoService {

    /** Actions whose events hold complete snapshots, so restoring {@code before} is exact. */
    static final Set<String> UNDOABLE = Set.of("USERS_ARCHIVE", "USERS_DEARCHIVE", "STUDENTS_GRADE_YEAR_CHANGE",
            "STUDENTS_LINK", "PROFESSIONALS_LINK", "ROLES_REMOVE", "STUDENT_PRODUCTS_SET", "PROFESSIONAL_ROLES_SET",
            "AUDIT_BATCH_UNDO");

    private record Event(long schoolId, String action, long targetId, String before, String after, boolean undone) {}

    /** Each statement reads the users' previous states from the arrays :ids and :states. */
    private static final String STATES = "with s as (select t.id, t.state::jsonb as b from unnest(:ids::bigint[], :states::text[]) as t(id, state)) ";

    private static final List<String> RESTORE = List.of(
            STATES + """
                    update school_member m
                       set archived_at = case when (s.b ->> 'archived')::boolean then coalesce(m.archived_at, now()) end
                      from s where m.school_id = :school and m.user_id = s.id""",
            STATES + """
                    update app_user u set grade_year = (s.b ->> 'gradeYear')::smallint, version = u.version + 1
                      from s where u.id = s.id and s.b ->> 'gradeYear' is not null
                       and u.grade_year is distinct from (s.b ->> 'gradeYear')::smallint""",
            STATES + """
                    delete from role_grant r using s
                     where r.school_id = :school and r.user_id = s.id and not (s.b -> 'roles') @> to_jsonb(r.role)""",
            STATES + """
                    insert into role_grant (school_id, user_id, role)
                    select :school, s.id, role from s, jsonb_array_elements_text(s.b -> 'roles') as role
                    on conflict do nothing""",
            STATES + """
                    delete from product_assignment pa using s
                     where pa.school_id = :school and pa.supervisor_id = s.id and not (s.b -> 'products') @> to_jsonb(pa.product_id)""",
            STATES + """
                    insert into product_assignment (school_id, supervisor_id, product_id)
                    select :school, s.id, p::bigint from s, jsonb_array_elements_text(s.b -> 'products') as p
                    on conflict do nothing""",
            STATES + """
                    delete from enrollment e using s
                     where e.school_id = :school and e.student_id = s.id
                       and not exists (select 1 from jsonb_array_elements(s.b -> 'enrollments') x
                                        where (x ->> 'productId')::bigint = e.product_id)""",
            STATES + """
                    insert into enrollment (id, school_id, student_id, product_id)
                    select nextval('enrollment_seq'), :school, s.id, (x ->> 'productId')::bigint
                      from s, jsonb_array_elements(s.b -> 'enrollments') as x
                     where not exists (select 1 from enrollment e where e.student_id = s.id and e.product_id = (x ->> 'productId')::bigint)""",
            STATES + """
                    delete from enrollment_supervisor es using enrollment e, s
                     where es.enrollment_id = e.id and e.school_id = :school and e.student_id = s.id
                       and not exists (select 1 from jsonb_array_elements(s.b -> 'enrollments') x
                                        where (x ->> 'productId')::bigint = e.product_id
                                          and (x -> 'supervisorIds') @> to_jsonb(es.supervisor_id))""",
            STATES + """
                    insert into enrollment_supervisor (enrollment_id, supervisor_id, school_id)
                    select e.id, sup::bigint, :school
                      from s, jsonb_array_elements(s.b -> 'enrollments') as x,
                           jsonb_array_elements_text(x -> 'supervisorIds') as sup,
                           enrollment e
                     where e.school_id = :school and e.student_id = s.id and e.product_id = (x ->> 'productId')::bigint
                    on conflict do nothing""");

    private final JdbcClient jdbc;
    private final SchoolAccess access;
    private final Memberships users;
    private final AuditLog audit;
    private final MemberStates states;

    AuditUndoService(JdbcClient jdbc, SchoolAccess access, Memberships users, AuditLog audit, MemberStates states) {
        this.jdbc = jdbc;
        this.access = access;
        this.users = users;
        this.audit = audit;
        this.states = states;
    }

    @Transactional
    AdministrationPayload undo(String batchIdText) {
        List<Event> events = events(batchIdText);
        if (events.isEmpty() || access.rolesAt(events.getFirst().schoolId()).isEmpty()) {
            return refusedBatch(AdministrationError.BATCH_NOT_FOUND);
        }
        long schoolId = events.getFirst().schoolId();
        access.require(schoolId, Role.ADMIN);
        if (!UNDOABLE.contains(events.getFirst().action())) {
            return refusedBatch(AdministrationError.NOT_UNDOABLE);
        }
        if (events.getFirst().undone()) {
            return refusedBatch(AdministrationError.ALREADY_UNDONE);
        }
        Bulk bulk = Bulk.of(events.stream().map(e -> Long.toString(e.targetId())).toList(), "batchId");
        users.load(schoolId, bulk.ids()); // locks the members against concurrent changes
        Map<Long, String> current = states.snapshot(schoolId, bulk.ids());
        Map<Long, String> previous = new LinkedHashMap<>();
        for (Event event : events) {
            if (event.before() == null) {
                bulk.refuse(event.targetId(), AdministrationError.NOT_UNDOABLE);
            } else if (event.after() == null || !event.after().equals(current.get(event.targetId()))) {
                bulk.refuse(event.targetId(), AdministrationError.UNDO_CONFLICT);
            } else {
                bulk.applied(event.targetId());
                previous.put(event.targetId(), event.before());
            }
        }
        if (!bulk.writable()) {
            return bulk.payload(null, false);
        }
        Long[] ids = previous.keySet().toArray(Long[]::new);
        String[] previousStates = previous.values().toArray(String[]::new);
        for (String sql : RESTORE) {
            jdbc.sql(sql).param("school", schoolId).param("ids", ids).param("states", previousStates).update();
        }
        Map<Long, String> restored = states.snapshot(schoolId, previous.keySet());
        UUID batch = audit.record(schoolId, "AUDIT_BATCH_UNDO", current, restored, UUID.fromString(batchIdText.strip()));
        return bulk.payload(batch, false);
    }

    private List<Event> events(String batchIdText) {
        UUID batch;
        try {
            batch = UUID.fromString(batchIdText.strip());
        } catch (IllegalArgumentException | NullPointerException e) {
            return List.of();
        }
        return jdbc.sql("""
                        select a.school_id, a.action, a.target_id, a.before_state::text as before, a.after_state::text as after,
                               exists (select 1 from audit_event u where u.undoes_batch_id = a.batch_id) as undone
                          from audit_event a
                         where a.batch_id = :batch and a.target_id is not null
                         order by a.id
                        """)
                .param("batch", batch)
                .query((rs, n) -> new Event(rs.getLong("school_id"), rs.getString("action"), rs.getLong("target_id"),
                        rs.getString("before"), rs.getString("after"), rs.getBoolean("undone")))
                .list();
    }

    private static AdministrationPayload refusedBatch(AdministrationError code) {
        return new AdministrationPayload(null, false, List.of(), List.of(PayloadError.of(code).field("batchId")));
    }
}
