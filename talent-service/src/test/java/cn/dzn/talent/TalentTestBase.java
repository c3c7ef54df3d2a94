package cn.dzn.talent;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.mongodb.client.MongoDatabase;

import cn.dzn.platform.test.TestHttp;

/**
 * The one Spring context of talent-service's tests (the contract tests share it): the real
 * service on a random port, the embedded store through the real driver.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
public abstract class TalentTestBase {

    @LocalServerPort
    protected int port;

    @Autowired
    protected MongoDatabase database;

    /** Unique to each test, for refs and names that must not collide between tests. */
    protected String scope;

    @BeforeEach
    void newScope() {
        scope = UUID.randomUUID().toString().substring(0, 8);
    }

    protected TestHttp http() {
        return TestHttp.localhost(port);
    }

    protected long stored(String collection) {
        return database.getCollection(collection).countDocuments();
    }
}
