package nl.klaspoort.administration.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import nl.klaspoort.administration.internal.AdministrationError.Code;
import nl.klaspoort.enrollment.StudentLinks.LinkRow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The link rows of a koppelingen mutation as given, checked: every product exists, every supervisor supervises. */
@Service
class LinkRules {

    private final JdbcClient jdbc;

    LinkRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Most link rows ("nog een koppeling toevoegen") in one mutation. */
    public static final int MAX_ROWS = 20;

    /** A link row as it arrives in GraphQL input. */
    public record LinkInput(String productId, List<String> supervisorIds) {}

    /**
     * The rows, once every product exists and every supervisor is an active SUPERVISOR of the school; otherwise the
     * problems go to {@code problems} (e.g. {@code bulk::inputError}). One statement. {@code allowEmpty}: an empty list
     * is valid.
     */
    public List<LinkRow> parse(long schoolId, List<LinkInput> input, boolean allowEmpty,
            Consumer<AdministrationError> problems) {
        List<LinkInput> rows = input == null ? List.of() : input;
        if (rows.isEmpty() && !allowEmpty) {
            problems.accept(AdministrationError.forField(Code.EMPTY_LIST, "links"));
        }
        if (rows.size() > MAX_ROWS) {
            problems.accept(AdministrationError.forField(Code.TOO_MANY_ITEMS, "links"));
            return List.of();
        }
        Set<Long> products = new HashSet<>();
        Set<Long> supervisors = new LinkedHashSet<>();
        List<AdministrationError> errors = new ArrayList<>();
        List<LinkRow> parsed = new ArrayList<>();
        for (LinkInput row : rows) {
            Long product = Bulk.parseId(row.productId());
            List<Long> sups = new ArrayList<>();
            if (product == null) {
                errors.add(AdministrationError.forField(Code.NOT_FOUND, "productId"));
            }
            if (row.supervisorIds() == null || row.supervisorIds().isEmpty()) {
                errors.add(AdministrationError.forField(Code.EMPTY_LIST, "supervisorIds"));
            } else {
                for (String raw : new LinkedHashSet<>(row.supervisorIds())) {
                    Long id = Bulk.parseId(raw);
                    if (id == null) {
                        errors.add(AdministrationError.forUser(Code.NOT_FOUND, raw));
                    } else {
                        sups.add(id);
                    }
                }
            }
            if (product != null) {
                products.add(product);
                supervisors.addAll(sups);
                parsed.add(new LinkRow(product, sups));
            }
        }
        Map<String, Boolean> found = new HashMap<>();
        if (!products.isEmpty() || !supervisors.isEmpty()) {
            jdbc.sql("""
                            select 'P' || p.id as key, true as ok from product p where p.id = any(:products)
                            union all
                            select 'S' || m.user_id, m.archived_at is null and exists (select 1 from role_grant r
                                        where r.school_id = m.school_id and r.user_id = m.user_id and r.role = 'SUPERVISOR')
                              from school_member m join app_user u on u.id = m.user_id and u.kind = 'PROFESSIONAL'
                             where m.school_id = :school and m.user_id = any(:supervisors)
                            """)
                    .param("products", products.toArray(Long[]::new))
                    .param("supervisors", supervisors.toArray(Long[]::new))
                    .param("school", schoolId)
                    .query((rs, n) -> found.put(rs.getString("key"), rs.getBoolean("ok")))
                    .list();
        }
        products.stream().filter(p -> !found.containsKey("P" + p)).sorted()
                .forEach(p -> errors.add(AdministrationError.forField(Code.NOT_FOUND, "productId")));
        for (long s : supervisors) {
            Boolean ok = found.get("S" + s);
            if (ok == null) {
                errors.add(AdministrationError.forUser(Code.NOT_FOUND, s));
            } else if (!ok) {
                errors.add(AdministrationError.forUser(Code.NOT_A_SUPERVISOR, s));
            }
        }
        errors.forEach(problems);
        return parsed;
    }

}
