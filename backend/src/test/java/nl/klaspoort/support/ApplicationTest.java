package nl.klaspoort.support;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Base of a test against the running application: its port, the database and the fixture builder. */
@KlaspoortTest
public abstract class ApplicationTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected Fixtures fixture;
}
