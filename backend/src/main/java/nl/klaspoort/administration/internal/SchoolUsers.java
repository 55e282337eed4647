package nl.klaspoort.administration.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.klaspoort.access.Role;
import nl.klaspoort.access.SchoolAccess;
import nl.klaspoort.people.Professional;
import nl.klaspoort.platform.BadRequestException;
import nl.klaspoort.platform.CommonError;
import nl.klaspoort.platform.Connection;
import nl.klaspoort.platform.Cursors;
import nl.klaspoort.platform.Edge;
import nl.klaspoort.platform.Keyed;
import nl.klaspoort.platform.OrderBy;
import nl.klaspoort.platform.PageSize;
import nl.klaspoort.platform.Where;
import nl.klaspoort.security.CurrentUser;
import org.springframework.stereotype.Service;

/**
 * The users of a school (B3, B9) as their admins and supervisors may read them: the overview and archive as keyset-paged
 * lists, one member, the ids matching a filter, the supervisors. Tenant and role checks are made here; the lists are for
 * the school's ADMINs only.
 */
@Service
class SchoolUsers {

    /** GraphQL {@code UserKind}. */
    enum Kind { PROFESSIONAL, STUDENT }

    /** GraphQL {@code UserSortField}. */
    enum SortField { NAME, GRADE_YEAR, ROLE }

    /** GraphQL {@code SortDirection}. */
    enum Direction { ASC, DESC }

    /** GraphQL {@code UserFilter}. */
    record Filter(Kind kind, Role role, String productId, String supervisorId, List<Integer> gradeYears, String search) {}

    /** GraphQL {@code UserSort}. */
    record Sort(SortField field, Direction direction) {
        static final Sort DEFAULT = new Sort(SortField.NAME, Direction.ASC);
    }

    static final int MAX_IDS = 5_000;
    static final int MAX_SEARCH = 200;

    private final SchoolUserQueries queries;
    private final SchoolAccess access;

    SchoolUsers(SchoolUserQueries queries, SchoolAccess access) {
        this.queries = queries;
        this.access = access;
    }

    /**
     * One page of the overview ({@code archive == false}) or the archive. ADMIN only. One statement for the page (plus
     * one for the total when {@code withTotal}).
     */
    Connection<SchoolUser> page(long schoolId, boolean archive, Integer first, String after, Filter filter, Sort sort,
            boolean withTotal) {
        access.require(schoolId, Role.ADMIN);
        PageSize size = PageSize.of(first);
        Sort order = sort == null ? Sort.DEFAULT : sort;
        boolean desc = order.direction() == Direction.DESC;
        boolean namesDesc = desc && order.field() == SortField.NAME;
        String rank = switch (order.field()) {
            case NAME -> "0";
            case GRADE_YEAR -> desc ? "coalesce(-grade_year, 99)" : "coalesce(grade_year, 99)";
            case ROLE -> (desc ? "-" : "") + SchoolUserQueries.ROLE_RANK;
        };
        Where conditions = conditions(filter, archive);
        String sortOrder = order.field() + ":" + order.direction();
        Where keyset = Where.all();
        if (after != null) {
            List<String> key = Cursors.decode(after, "users", sortOrder, 4);
            try {
                keyset.and("(k_rank > :c_rank or (k_rank = :c_rank and (k_last, k_first, id) %s (:c_last, :c_first, :c_id)))"
                                .formatted(namesDesc ? "<" : ">"),
                        "c_rank", Integer.parseInt(key.get(0)), "c_last", key.get(1), "c_first", key.get(2),
                        "c_id", Long.parseLong(key.get(3)));
            } catch (NumberFormatException e) {
                throw Cursors.invalid();
            }
        }
        String orderBy = OrderBy.by("k_rank", false).then("k_last", namesDesc).then("k_first", namesDesc)
                .then("id", namesDesc).sql();
        List<SchoolUserQueries.Row> rows = queries.page(schoolId, conditions, rank, keyset, orderBy, size.fetch());
        Connection<SchoolUserQueries.Row> page = Connection.of(rows, size, after != null,
                r -> Cursors.encode("users", sortOrder, r.rank(), r.last(), r.first(), r.node().id()));
        return new Connection<>(page.edges().stream().map(e -> new Edge<>(e.cursor(), e.node().node())).toList(),
                page.pageInfo(), withTotal ? queries.count(schoolId, conditions) : null);
    }

    /** The ids of all overview ({@code archive == false}) or archive users matching the filter, by name. ADMIN only. */
    List<Long> ids(long schoolId, boolean archive, Filter filter) {
        access.require(schoolId, Role.ADMIN);
        List<Long> ids = queries.ids(schoolId, conditions(filter, archive), MAX_IDS + 1);
        if (ids.size() > MAX_IDS) {
            throw new BadRequestException(AdministrationError.TOO_MANY_MATCHES, Map.of("max", MAX_IDS));
        }
        return ids;
    }

    /**
     * One member of the school, or null. An ADMIN reads every member; a SUPERVISOR only themselves and the active
     * students they follow (others: null, as if not there); a student is refused.
     */
    SchoolUser member(long schoolId, long userId) {
        Set<Role> roles = access.require(schoolId, Role.ADMIN, Role.SUPERVISOR);
        Where where = Where.of("id = :id", "id", userId)
                .andIf(!roles.contains(Role.ADMIN), SchoolUserQueries.FOLLOWED_BY_ME, "me", CurrentUser.id());
        SchoolUser member = queries.member(schoolId, where);
        return member == null || roles.contains(Role.ADMIN) ? member : member.readByFollower();
    }

    /** The active supervisors of each school where the signed-in user holds a role, by name; other schools: none. */
    List<Keyed<Professional>> supervisors(Collection<Long> schoolIds) {
        List<Long> allowed = access.rolesAt(schoolIds).entrySet().stream()
                .filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey).toList();
        return allowed.isEmpty() ? List.of() : queries.supervisors(allowed);
    }

    /** The SQL condition for a filter on the overview or the archive. Refuses bad input. */
    private static Where conditions(Filter filter, boolean archive) {
        Where where = Where.of(archive ? SchoolUserQueries.ARCHIVE : SchoolUserQueries.ACTIVE);
        if (filter == null) {
            return where;
        }
        where.andIf(filter.kind() != null, "kind = :kind", "kind", filter.kind() == null ? null : filter.kind().name())
                .andIf(filter.role() == Role.STUDENT, "kind = 'STUDENT'")
                .andIf(filter.role() != null && filter.role() != Role.STUDENT, "cast(:role as varchar) = any(roles)",
                        "role", filter.role() == null ? null : filter.role().name());
        if (filter.productId() != null) {
            where.and(SchoolUserQueries.HAS_PRODUCT, "product", id(filter.productId(), "productId"));
        }
        if (filter.supervisorId() != null) {
            where.and(SchoolUserQueries.FOLLOWED_BY, "supervisor", id(filter.supervisorId(), "supervisorId"));
        }
        if (filter.gradeYears() != null && !filter.gradeYears().isEmpty()) {
            Set<Integer> years = Set.copyOf(filter.gradeYears());
            years.stream().filter(y -> y < 1 || y > 8).findFirst().ifPresent(y -> {
                throw new BadRequestException(CommonError.ARGUMENT_OUT_OF_RANGE,
                        Map.of("argument", "gradeYears", "min", 1, "max", 8, "value", y));
            });
            where.and("grade_year in (:gradeYears)", "gradeYears", List.copyOf(years));
        }
        if (filter.search() != null && !filter.search().isBlank()) {
            if (filter.search().length() > MAX_SEARCH) {
                throw new BadRequestException(CommonError.ARGUMENT_TOO_LONG, Map.of("argument", "search", "max", MAX_SEARCH));
            }
            where.and(SchoolUserQueries.SEARCH, "search", String.join(" ", filter.search().strip().split("\\s+")));
        }
        return where;
    }

    /** Parses a GraphQL id of a user or product; anything else is bad input. */
    static long id(String value, String argument) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new BadRequestException(CommonError.INVALID_ID, Map.of("argument", argument, "value", value));
        }
    }
}
