package nl.klaspoort.edexml;

import java.util.List;

/**
 * The preview summary of an EDEXML file (BP6):
 * {@code {"accepted": true|false, "students": n, "teachers": n, "groups": n, "errors": [{"line": n, "message": "…"}]}}.
 * Counts are of what the file holds (pupils who left included); groups include composite groups.
 */
public record EdexmlPreview(boolean accepted, int students, int teachers, int groups, List<RowError> errors) {

    public EdexmlPreview {
        errors = List.copyOf(errors);
    }

    /** The summary as one line of JSON. */
    public String toJson() {
        StringBuilder json = new StringBuilder(128 + errors.size() * 96)
                .append("{\"accepted\": ").append(accepted)
                .append(", \"students\": ").append(students)
                .append(", \"teachers\": ").append(teachers)
                .append(", \"groups\": ").append(groups)
                .append(", \"errors\": [");
        for (int i = 0; i < errors.size(); i++) {
            RowError error = errors.get(i);
            json.append(i == 0 ? "" : ", ").append("{\"line\": ").append(error.line()).append(", \"message\": ");
            quote(error.message(), json);
            json.append('}');
        }
        return json.append("]}").toString();
    }

    private static void quote(String text, StringBuilder json) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
