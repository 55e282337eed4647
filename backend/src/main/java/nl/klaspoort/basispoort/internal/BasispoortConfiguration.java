package nl.klaspoort.basispoort.internal;

import nl.klaspoort.basispoort.BasispoortClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BasispoortProperties.class)
public class BasispoortConfiguration {

    @Bean
    BasispoortClient basispoortClient(BasispoortProperties properties, SslBundles sslBundles,
            RestClient.Builder restClientBuilder) {
        return new RestBasispoortClient(properties, sslBundles, restClientBuilder);
    }
}
