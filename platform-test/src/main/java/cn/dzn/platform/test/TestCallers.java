package cn.dzn.platform.test;

import java.time.Instant;
import java.util.Set;

import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.identity.InternalTokenProperties;
import cn.dzn.platform.identity.InternalTokens;
import cn.dzn.platform.identity.Role;
import cn.dzn.platform.regions.RegionCode;

/** Internal tokens as the gateway would mint them, signed with the secret the service under test was given. */
public final class TestCallers {

    private static final InternalTokens TOKENS = new InternalTokens(
            new InternalTokenProperties(TestSecrets.INTERNAL_TOKEN_SECRET, null, null));

    private TestCallers() {
    }

    public static String bearer(String region, Role... roles) {
        Caller caller = new Caller("test-" + region, RegionCode.of(region), Set.of(roles));
        return "Bearer " + TOKENS.issue(caller, Instant.now()).token();
    }

    public static String national() {
        return bearer("000000", Role.ADMIN, Role.READ, Role.WRITE);
    }
}
