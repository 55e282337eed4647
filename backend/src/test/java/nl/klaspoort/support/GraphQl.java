package nl.klaspoort.support;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Helpers for mutations in tests: run one with its {@code input}, read its payload's statuses and error codes. */
public final class GraphQl {

    private GraphQl() {}

    public static GraphQlTester.Response run(HttpGraphQlTester tester, String document, Map<String, Object> input) {
        return tester.documentName(document).variable("input", input).execute();
    }

    /** The result statuses of a bulk payload at {@code field}, as "id:STATUS[:CODE]". */
    public static List<String> statuses(GraphQlTester.Response response, String field) {
        List<Map<String, Object>> results = response.path(field + ".results")
                .entity(new ParameterizedTypeReference<List<Map<String, Object>>>() {}).get();
        return results.stream().map(r -> r.get("userId") + ":" + r.get("status")
                + (r.get("error") instanceof Map<?, ?> e ? ":" + e.get("code") : "")).toList();
    }

    public static List<String> errorCodes(GraphQlTester.Response response, String field) {
        return response.path(field + ".errors[*].code").entityList(String.class).get();
    }

    /** Ids as GraphQL {@code ID}s. */
    public static List<String> ids(long... ids) {
        return Arrays.stream(ids).mapToObj(Long::toString).toList();
    }

    public static List<String> ids(List<Long> ids) {
        return ids.stream().map(String::valueOf).toList();
    }
}
