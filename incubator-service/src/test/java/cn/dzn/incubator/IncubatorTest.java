package cn.dzn.incubator;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/**
 * The one configuration of this module's tests against the running service (sample data, the
 * gateway's key issuing played by {@link FakeGateway}), so Spring starts one context for them all.
 * Its bucket of registrations is large: the tests submit many; RegistrationAbuseTest has a small
 * one. The figures contract and the abuse test have databases (and so contexts) of their own. The
 * sweep of closed incubators' keys waits an hour: tests that need it call it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {"dzn.sample-data.enabled=true",
    "dzn.incubator.registrations.burst=1000", "dzn.incubator.keys.sweep-every=1h"})
@Import(FakeGateway.class)
public @interface IncubatorTest {
}
