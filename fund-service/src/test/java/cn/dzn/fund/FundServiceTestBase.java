package cn.dzn.fund;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.dzn.platform.test.TestHttp;

/**
 * The service started once for its API tests, sample data loaded: the configuration of the
 * figures contract, so all of them share one context.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "dzn.sample-data.enabled=true")
public abstract class FundServiceTestBase {

    @LocalServerPort
    protected int port;

    protected TestHttp http;

    @BeforeEach
    void connect() {
        http = TestHttp.localhost(port);
    }
}
