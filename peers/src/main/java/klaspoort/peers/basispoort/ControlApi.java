package klaspoort.peers.basispoort;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.klaspoort.edexml.EdexmlReader;
import nl.klaspoort.edexml.EdexmlResult;

/**
 * {@code /control}: how the demo and tests in another JVM change the simulated world, over plain HTTP on the loopback
 * address only (a separate port from the mutual-TLS API). Each call maps onto one {@link BasispoortWorld} method:
 * <pre>
 * GET    /control/schools                                   every school with counts and mutation timestamp
 * POST   /control/schools                                   {"id"?, "naam", "brincode", "dependancecode", "woonplaats", "consent"}
 * POST   /control/schools/{id}/pupils                       a pupil (Basispoort JSON; id 0 or absent = next id)
 * PUT    /control/schools/{id}/pupils/{pupilId}             replace a pupil
 * DELETE /control/schools/{id}/pupils/{pupilId}
 * GET    /control/schools/{id}/pupils
 * POST, PUT, DELETE, GET  /control/schools/{id}/staff[/{staffId}]   the same for staff
 * PUT    /control/schools/{id}/groups/{lasKey}[?subgroep=true]     a group or subgroup
 * DELETE /control/schools/{id}/groups/{lasKey}
 * POST   /control/schools/{id}/consent                      {"granted": true|false, "day"?: "2026-12-01"}
 * POST   /control/schools/{id}/merge                        {"into": otherId}
 * POST   /control/schools/{id}/deactivate
 * POST   /control/schools/{id}/edexml                       an EDEXML file as body: replaces the roster; answers its preview
 * POST   /control/failures                                  {"count": 1, "status": 503, "path": "/rest/v2/instellingen"}
 * GET    /control/requests                                  requests served, by method and path template
 * GET    /control/lika/pushes                               every Hosted Lika change received
 * GET    /control/lika/users?target=methode/ID|product/ID   who has access now
 * </pre>
 */
final class ControlApi extends Http {

    static final String PREFIX = "/control";

    record NewSchool(Long id, String naam, String brincode, String dependancecode, String woonplaats, boolean consent) {
    }

    record Consent(boolean granted, LocalDate day) {
    }

    record Merge(long into) {
    }

    record Failures(int count, int status, String path) {
    }

    private final BasispoortWorld world;

    ControlApi(BasispoortWorld world) {
        super(PREFIX);
        this.world = world;
    }

    @Override
    Object handle(HttpExchange exchange, String method, List<String> p) throws IOException {
        String route = method + " " + String.join("/", p.stream().map(s -> s.matches("\\d+") ? "#" : s).toList());
        return switch (route) {
            case "GET health" -> Map.of("status", "UP");
            case "GET schools" -> world.schools();
            case "POST schools" -> {
                NewSchool school = read(exchange, NewSchool.class);
                BasispoortWorld.SchoolInfo info = new BasispoortWorld.SchoolInfo(school.naam(), null, null, null, null,
                        school.woonplaats(), school.brincode(), school.dependancecode(), null, null);
                long id = school.id() == null ? world.addSchool(info, school.consent())
                        : world.addSchool(school.id(), info, school.consent());
                yield new Created(world.schools().stream().filter(s -> s.id() == id).findFirst().orElseThrow());
            }
            case "GET schools/#/pupils" -> world.pupils(id(p.get(1)));
            case "POST schools/#/pupils" -> new Created(world.addPupil(id(p.get(1)), read(exchange, Api.Leerling.class)));
            case "PUT schools/#/pupils/#" -> {
                Api.Leerling l = read(exchange, Api.Leerling.class);
                yield world.changePupil(id(p.get(1)), new Api.Leerling(id(p.get(3)), l.eckid(), l.lasKey(),
                        l.persoonsgegevens(), l.jaargroep(), l.groep(), l.subgroepen()));
            }
            case "DELETE schools/#/pupils/#" -> {
                world.removePupil(id(p.get(1)), id(p.get(3)));
                yield null;
            }
            case "GET schools/#/staff" -> world.staff(id(p.get(1)));
            case "POST schools/#/staff" -> new Created(world.addStaff(id(p.get(1)), read(exchange, Api.Medewerker.class)));
            case "PUT schools/#/staff/#" -> {
                Api.Medewerker m = read(exchange, Api.Medewerker.class);
                yield world.changeStaff(id(p.get(1)), new Api.Medewerker(id(p.get(3)), m.eckid(), m.lasKey(),
                        m.persoonsgegevens(), m.emailadres(), m.einddatum(), m.rollen(), m.groepen(), m.subgroepen()));
            }
            case "DELETE schools/#/staff/#" -> {
                world.removeStaff(id(p.get(1)), id(p.get(3)));
                yield null;
            }
            case "POST schools/#/consent" -> {
                Consent consent = read(exchange, Consent.class);
                LocalDate day = consent.day() == null ? world.today() : consent.day();
                if (consent.granted()) {
                    world.grantConsent(id(p.get(1)), day);
                } else {
                    world.revokeConsent(id(p.get(1)), day);
                }
                yield null;
            }
            case "POST schools/#/merge" -> {
                world.merge(id(p.get(1)), read(exchange, Merge.class).into());
                yield null;
            }
            case "POST schools/#/deactivate" -> {
                world.deactivate(id(p.get(1)));
                yield null;
            }
            case "POST schools/#/edexml" -> {
                long id = id(p.get(1));
                world.find(id).orElseThrow();
                EdexmlResult result;
                try (InputStream in = exchange.getRequestBody()) {
                    result = new EdexmlReader().read(in);
                }
                if (result.accepted()) {
                    world.loadRoster(id, result.snapshot());
                }
                yield result.preview().toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
            case "POST failures" -> {
                Failures failures = read(exchange, Failures.class);
                world.failNext(failures.count(), failures.status(), failures.path());
                yield null;
            }
            case "GET requests" -> world.requestCounts();
            case "GET lika/pushes" -> world.likaPushes();
            case "GET lika/users" -> {
                String target = query(exchange, "target");
                if (target == null) {
                    throw new Status(400, "target ontbreekt");
                }
                yield Map.of("gebruikers", world.likaUsers(target), "gebruikerEckIds", world.likaEckUsers(target));
            }
            default -> {
                if (route.startsWith("PUT schools/#/groups/") && p.size() == 4) {
                    Api.Groep groep = read(exchange, Api.Groep.class);
                    world.putGroup(id(p.get(1)), new Api.Groep(java.net.URLDecoder.decode(p.get(3), java.nio.charset.StandardCharsets.UTF_8), groep.naam(), groep.jaargroep(), groep.omschrijving()),
                            "true".equals(query(exchange, "subgroep")));
                    yield null;
                }
                if (route.startsWith("DELETE schools/#/groups/") && p.size() == 4) {
                    world.removeGroup(id(p.get(1)), java.net.URLDecoder.decode(p.get(3), java.nio.charset.StandardCharsets.UTF_8));
                    yield null;
                }
                throw new Status(404, "Niet gevonden");
            }
        };
    }
}
