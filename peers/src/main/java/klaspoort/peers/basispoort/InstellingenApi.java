package klaspoort.peers.basispoort;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import klaspoort.peers.basispoort.BasispoortWorld.School;
import tools.jackson.core.type.TypeReference;

/**
 * {@code /rest/v2/instellingen}: the Institutions API, version 2, as the publisher pulls it. A school that did not give
 * this publisher consent is not listed and its data answers 403; an unknown school answers 404. Only the consent
 * endpoints answer for every known school.
 */
final class InstellingenApi extends Http {

    static final String PREFIX = "/rest/v2/instellingen";

    private final BasispoortWorld world;

    InstellingenApi(BasispoortWorld world) {
        super(PREFIX);
        this.world = world;
    }

    @Override
    Object handle(HttpExchange exchange, String method, List<String> path) throws IOException {
        world.countRequest(method, PREFIX + "/" + String.join("/", path).replaceAll("\\d{4}-\\d{2}-\\d{2}", "{datum}")
                .replaceAll("^\\d+", "{id}"));
        world.failure(exchange.getRequestURI().getPath()).ifPresent(status -> {
            throw new Status(status, "Storing (gesimuleerd)");
        });
        if (path.isEmpty()) {
            requireGet(method);
            return world.readableSchoolIds();
        }
        if (path.getFirst().equals("synchronizationpermission") && path.size() == 3) {
            requireGet(method);
            LocalDate day = day(path.get(2));
            return switch (path.get(1)) {
                case "toegekend" -> world.consentChanges(day, true);
                case "ingetrokken" -> world.consentChanges(day, false);
                default -> throw new Status(404, "Niet gevonden");
            };
        }
        long id = id(path.getFirst());
        world.countSchoolRequest(id);
        School school = world.find(id).orElseThrow(() -> new Status(404, "Instelling niet gevonden"));
        String resource = path.size() == 1 ? "" : String.join("/", path.subList(1, path.size()));
        if (resource.equals("uitgever/synchronizationpermission")) {
            return switch (method) {
                case "GET" -> {
                    if ("true".equals(query(exchange, "request-permission"))) {
                        world.permissionRequested(id);
                    }
                    yield new Api.SynchronizationPermission(world.find(id).orElseThrow().consent);
                }
                case "DELETE" -> {
                    world.giveUpPermission(id);
                    yield null;
                }
                default -> throw methodNotAllowed();
            };
        }
        if (!school.consent) {
            throw new Status(403, "Geen toestemming van deze instelling voor deze uitgever");
        }
        return switch (resource) {
            case "" -> get(method, () -> world.overzicht(school));
            case "details" -> get(method, () -> world.details(school));
            case "groepen" -> get(method, () -> world.groepen(school));
            case "staf" -> get(method, () -> world.staf(school));
            case "ref" -> get(method, school::ref);
            case "leerlingen" -> switch (method) {
                case "GET" -> world.leerlingen(school, null, null);
                case "POST" -> world.leerlingen(school, read(exchange, new TypeReference<List<Long>>() { }), null);
                default -> throw methodNotAllowed();
            };
            case "leerlingen_eckid" -> {
                if (!method.equals("POST")) {
                    throw methodNotAllowed();
                }
                yield world.leerlingen(school, null, read(exchange, new TypeReference<List<String>>() { }));
            }
            default -> throw new Status(404, "Niet gevonden");
        };
    }

    private static Object get(String method, java.util.function.Supplier<Object> answer) {
        requireGet(method);
        return answer.get();
    }

    private static void requireGet(String method) {
        if (!method.equals("GET")) {
            throw methodNotAllowed();
        }
    }

    private static LocalDate day(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new Status(400, "Ongeldige datum");
        }
    }
}
