package nl.klaspoort.roster.internal;

import graphql.schema.DataFetchingFieldSelectionSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.klaspoort.access.Role;
import nl.klaspoort.access.SchoolAccess;
import nl.klaspoort.people.People;
import nl.klaspoort.people.Person;
import nl.klaspoort.people.Professional;
import nl.klaspoort.platform.Connection;
import nl.klaspoort.platform.Cursors;
import nl.klaspoort.platform.Messages;
import nl.klaspoort.platform.PageSize;
import nl.klaspoort.roster.internal.Change.Action;
import nl.klaspoort.roster.internal.Change.Decision;
import nl.klaspoort.roster.internal.Change.FieldChange;
import nl.klaspoort.roster.internal.Change.Subject;
import nl.klaspoort.roster.internal.RosterRuns.ChangeId;
import nl.klaspoort.roster.internal.RosterRuns.Payload;
import nl.klaspoort.roster.internal.RunReport.HoldReason;
import nl.klaspoort.school.School;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/**
 * The runs in GraphQL: {@code School.rosterRuns/rosterRun/openRosterRun}, {@code RosterRun.*}, the run mutations and
 * {@code Subscription.rosterProgress}. Lists are asked for one school (one run) at a time, so the fields with
 * arguments are not batched; every other nested field is.
 */
@Controller
class RosterController {

    private static final String RUNS = "rosterRuns";
    private static final String CHANGES = "rosterChanges";

    record SyncStartInput(String schoolId) {}

    record RunInput(String runId) {}

    record DecideInput(String runId, List<String> changeIds, Decision decision, Boolean overrideLocal) {}

    record ChangeFilterInput(Subject subject, Action action, Boolean localEdit) {}

    /** GraphQL {@code RosterChange}. */
    record ChangeView(String id, Run.Source source, Change change) {
        public Subject subject() {
            return change.subject();
        }

        public Action action() {
            return change.action();
        }

        public String label() {
            return change.label();
        }

        public List<FieldChange> fields() {
            return change.fields();
        }

        public boolean localEdit() {
            return change.localEdit();
        }

        public boolean overrideLocal() {
            return change.overrideLocal();
        }

        public boolean blocked() {
            return change.blocked();
        }

        public Decision decision() {
            return change.decision();
        }

        public boolean newLogin() {
            return change.changesLogin() || change.changesUsername();
        }
    }

    /** GraphQL {@code RosterProgress}. */
    record ProgressView(String runId, RunProgress.Phase phase, int done, int total) {}

    private final RosterRuns runs;
    private final RunQueries queries;
    private final RunProgress progress;
    private final SchoolAccess access;
    private final People people;
    private final Messages messages;

    RosterController(RosterRuns runs, RunQueries queries, RunProgress progress, SchoolAccess access, People people,
            Messages messages) {
        this.runs = runs;
        this.queries = queries;
        this.progress = progress;
        this.access = access;
        this.people = people;
        this.messages = messages;
    }

    // ---- School

    @SchemaMapping(typeName = "School", field = "rosterRuns")
    Connection<Run> rosterRuns(School school, @Argument Integer first, @Argument String after,
            DataFetchingFieldSelectionSet selection) {
        if (!access.rolesAt(school.id()).contains(Role.ADMIN)) {
            return null;
        }
        PageSize size = PageSize.of(first);
        Long afterId = after == null ? null : RosterRuns.parse(Cursors.decode(after, RUNS, "ID:DESC", 1).getFirst());
        if (after != null && afterId == null) {
            throw Cursors.invalid();
        }
        Connection<Run> page = Connection.of(queries.runs(school.id(), afterId, size.value()), size, after != null,
                run -> Cursors.encode(RUNS, "ID:DESC", run.id()));
        return selection.contains("totalCount") ? page.withTotalCount(queries.runCount(school.id())) : page;
    }

    @SchemaMapping(typeName = "School", field = "rosterRun")
    Run rosterRun(School school, @Argument String id) {
        return runs.runOf(school.id(), id).orElse(null);
    }

    @BatchMapping(typeName = "School", field = "openRosterRun")
    Map<School, Run> openRosterRun(List<School> schools) {
        Set<Long> admin = runs.administered(schools.stream().map(School::id).toList());
        Map<Long, Run> bySchool = admin.isEmpty() ? Map.of() : queries.openRuns(admin);
        Map<School, Run> open = new HashMap<>();
        schools.stream().filter(s -> bySchool.containsKey(s.id())).forEach(s -> open.put(s, bySchool.get(s.id())));
        return open;
    }

    // ---- RosterRun

    @SchemaMapping(typeName = "RosterRun", field = "changes")
    Connection<ChangeView> changes(Run run, @Argument Integer first, @Argument String after,
            @Argument ChangeFilterInput filter, DataFetchingFieldSelectionSet selection) {
        PageSize size = PageSize.of(first);
        RunQueries.ChangeFilter changeFilter = filter == null ? new RunQueries.ChangeFilter(null, null, null)
                : new RunQueries.ChangeFilter(filter.subject(), filter.action(), filter.localEdit());
        String order = "SEQ:" + changeFilter;
        Integer afterSeq = null;
        if (after != null) {
            try {
                afterSeq = Integer.parseInt(Cursors.decode(after, CHANGES + run.id(), order, 1).getFirst());
            } catch (NumberFormatException e) {
                throw Cursors.invalid();
            }
        }
        List<ChangeView> views = queries.changes(run.id(), changeFilter, afterSeq, size.value()).stream()
                .map(c -> new ChangeView(new ChangeId(run.id(), c.seq()).toString(), run.source(), c)).toList();
        Connection<ChangeView> page = Connection.of(views, size, after != null,
                view -> Cursors.encode(CHANGES + run.id(), order, view.change().seq()));
        return selection.contains("totalCount") ? page.withTotalCount(queries.changeCount(run.id(), changeFilter)) : page;
    }

    @BatchMapping(typeName = "RosterRun", field = "requestedBy")
    Map<Run, Professional> requestedBy(List<Run> batch) {
        return professionals(batch, Run::requestedBy);
    }

    @BatchMapping(typeName = "RosterRun", field = "approvedBy")
    Map<Run, Professional> approvedBy(List<Run> batch) {
        return professionals(batch, Run::approvedBy);
    }

    private Map<Run, Professional> professionals(List<Run> batch, Function<Run, Long> who) {
        Map<Long, Person> found = people.byIds(batch.stream().map(who).filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
        Map<Run, Professional> result = new HashMap<>();
        batch.forEach(run -> {
            if (who.apply(run) != null && found.get(who.apply(run)) instanceof Professional p) {
                result.put(run, p);
            }
        });
        return result;
    }

    @SchemaMapping(typeName = "RosterRun", field = "failureMessage")
    String failureMessage(Run run, Locale locale) {
        return run.failure() == null ? null : messages.format("roster.failure." + run.failure(), Map.of(), locale);
    }

    @SchemaMapping(typeName = "RosterHoldReason", field = "message")
    String holdMessage(HoldReason reason, Locale locale) {
        return messages.format("roster.hold." + reason.code(), reason.params(), locale);
    }

    // ---- RosterChange

    @BatchMapping(typeName = "RosterChange", field = "user")
    Map<ChangeView, Person> user(List<ChangeView> batch) {
        Map<Long, Person> found = people.byIds(batch.stream().map(v -> v.change().userId())
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
        Map<ChangeView, Person> result = new HashMap<>();
        batch.forEach(view -> {
            Person person = view.change().userId() == null ? null : found.get(view.change().userId());
            if (person != null) {
                result.put(view, person);
            }
        });
        return result;
    }

    @SchemaMapping(typeName = "RosterChange", field = "reason")
    String reason(ChangeView view, Locale locale) {
        Map<String, Object> params = new HashMap<>(view.change().reasonParams());
        params.put("source", view.source().name());
        return messages.format("roster.reason." + view.change().reason(), params, locale);
    }

    @SchemaMapping(typeName = "RosterFieldChange", field = "label")
    String fieldLabel(FieldChange field, Locale locale) {
        return messages.format("roster.field." + field.field(), Map.of(), locale);
    }

    // ---- mutations and progress

    @MutationMapping
    Payload basispoortSyncStart(@Argument SyncStartInput input) {
        return runs.startSync(input.schoolId());
    }

    @MutationMapping
    Payload rosterRunApply(@Argument RunInput input) {
        return runs.apply(input.runId());
    }

    @MutationMapping
    Payload rosterRunDiscard(@Argument RunInput input) {
        return runs.discard(input.runId());
    }

    @MutationMapping
    Payload rosterChangesDecide(@Argument DecideInput input) {
        return runs.decide(input.runId(), input.changeIds(), input.decision(), Boolean.TRUE.equals(input.overrideLocal()));
    }

    @SubscriptionMapping
    Flux<ProgressView> rosterProgress(@Argument String schoolId) {
        long school = access.require(schoolId, Role.ADMIN);
        return progress.of(school).map(p -> new ProgressView(p.runId() == null ? null : p.runId().toString(), p.phase(),
                p.done(), p.total()));
    }
}
