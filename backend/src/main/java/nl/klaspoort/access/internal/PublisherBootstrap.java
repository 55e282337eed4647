package nl.klaspoort.access.internal;

import nl.klaspoort.access.Publishers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The first publisher of an installation: {@code klaspoort.publisher.bootstrap-user-id}
 * ({@code KLASPOORT_PUBLISHER_BOOTSTRAP_USER_ID}), a professional's id, gets PUBLISHER at start while nobody holds it
 * yet; recorded as a BOOTSTRAP grant and a security event. After that, publishers grant it to each other.
 */
@Component
class PublisherBootstrap implements ApplicationRunner {

    private final Publishers publishers;
    private final Long userId;

    PublisherBootstrap(Publishers publishers, @Value("${klaspoort.publisher.bootstrap-user-id:#{null}}") Long userId) {
        this.publishers = publishers;
        this.userId = userId;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (userId != null) {
            publishers.grantWithoutPublisher(userId, Publishers.Reason.BOOTSTRAP);
        }
    }
}
