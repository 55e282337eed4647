package klaspoort.peers.basispoort;

import java.nio.file.Path;
import java.util.Map;
import nl.klaspoort.edexml.EdexmlReader;
import nl.klaspoort.edexml.EdexmlResult;
import klaspoort.peers.Peer;
import klaspoort.peers.tls.Certificates;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/** The Basispoort simulator as a peer of the demo run; settings under {@code peers.basispoort}. */
@Component
@ConditionalOnBooleanProperty(name = "peers.basispoort.enabled", matchIfMissing = true)
class BasispoortPeer extends Peer {

    /**
     * @param port             mutual-TLS API port (Klaspoort's {@code klaspoort.basispoort.base-url} points here)
     * @param controlPort      control API port on 127.0.0.1 (-1: off)
     * @param certificates     where the CA, server, client and trust store files are created and read
     * @param publisherCode    the publisher's identity code in Hosted Lika paths
     * @param demo             the demo schools (De Klimop with consent, De Wegwijzer without)
     * @param seed             seed of the generated data
     * @param generatedSchools extra generated schools (benchmarks: 400)
     * @param pupilsPerSchool  pupils per generated school (benchmarks: 250)
     * @param edexml           school id → EDEXML file whose roster replaces that school's
     */
    @ConfigurationProperties("peers.basispoort")
    record Settings(int port, int controlPort, Path certificates, String publisherCode, boolean demo, long seed,
            int generatedSchools, int pupilsPerSchool, Map<Long, Path> edexml) {
    }

    private final Settings settings;
    private volatile BasispoortSimulator simulator;

    BasispoortPeer(Settings settings) {
        this.settings = settings;
    }

    @Override
    protected String name() {
        return "basispoort";
    }

    @Override
    protected void prepare() {
        Certificates.ensure(settings.certificates(), BasispoortSimulator.CLIENT_NAME);
    }

    @Override
    protected String startPeer() {
        simulator = BasispoortSimulator.builder()
                .port(settings.port())
                .controlPort(settings.controlPort())
                .certificates(settings.certificates())
                .publisherCode(settings.publisherCode())
                .world(this::fill)
                .start();
        return simulator.baseUrl() + " (mutual TLS), control " + simulator.controlUrl() + ", certificates in "
                + settings.certificates();
    }

    private void fill(BasispoortWorld world) {
        if (settings.demo()) {
            WorldGenerator.demo(world, settings.seed());
        }
        WorldGenerator.generate(world, settings.generatedSchools(), settings.pupilsPerSchool(), settings.seed());
        if (settings.edexml() != null) {
            settings.edexml().forEach((schoolId, file) -> {
                EdexmlResult result = new EdexmlReader().read(file);
                if (!result.accepted()) {
                    throw new IllegalStateException("EDEXML file for school " + schoolId + " refused: " + result.errors());
                }
                if (world.schools().stream().noneMatch(s -> s.id() == schoolId)) {
                    var school = result.snapshot().school();
                    world.addSchool(schoolId, new BasispoortWorld.SchoolInfo("School " + school.brincode(), null, null,
                            null, null, null, school.brincode(), school.dependancecode() == null ? "00"
                            : school.dependancecode(), school.schoolkey(), null), true);
                }
                world.loadRoster(schoolId, result.snapshot());
            });
        }
    }

    /** The simulated world (null before the peer starts). */
    BasispoortWorld world() {
        return simulator == null ? null : simulator.world();
    }

    @Override
    protected void stopPeer() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
