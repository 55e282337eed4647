package nl.klaspoort.platform;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;
import org.springframework.stereotype.Component;

/**
 * Loads entities together with the keys they belong to in ONE native SQL statement, for {@code @BatchMapping}s such as
 * "the products of each of these users". The SQL selects {@code k_school} and {@code k_owner} (both bigint) and then
 * the entity's columns as {@code e.*}, e.g.
 * {@code select x.school_id as k_school, x.student_id as k_owner, e.* from enrollment x join product e on ...}.
 */
@Component
public class KeyedEntities {

    /** One row: the school and owner the entity was found for. */
    public record Row<T>(long schoolId, long ownerId, T entity) {}

    private final EntityManager em;

    public KeyedEntities(EntityManager em) {
        this.em = em;
    }

    @SuppressWarnings("unchecked")
    public <T> List<Row<T>> list(Class<T> entity, String sql, Map<String, ?> params) {
        NativeQuery<Object[]> query = em.createNativeQuery(sql).unwrap(NativeQuery.class);
        query.addScalar("k_school", StandardBasicTypes.LONG)
                .addScalar("k_owner", StandardBasicTypes.LONG)
                .addEntity("e", entity);
        params.forEach(query::setParameter);
        return query.getResultList().stream()
                .map(row -> new Row<>((Long) row[0], (Long) row[1], entity.cast(row[2])))
                .toList();
    }
}
