package cn.dzn.gateway;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

import cn.dzn.gateway.clients.ApiKeyProperties;
import cn.dzn.platform.identity.InternalTokenProperties;

/**
 * Checked while the context is built, before the server accepts a connection: the embedded
 * default may run on the documented development secrets, a production deployment may not.
 */
@Component
class StartupSecrets {

    private static final Logger log = LoggerFactory.getLogger(StartupSecrets.class);

    StartupSecrets(Environment environment, ApiKeyProperties keys, InternalTokenProperties tokens) {
        List<String> missing = missing(keys, tokens);
        if (missing.isEmpty()) {
            return;
        }
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            throw new IllegalStateException("the prod profile needs " + String.join(", ", missing)
                    + "; refusing to start with the development defaults");
        }
        log.warn(banner(missing));
    }

    static List<String> missing(ApiKeyProperties keys, InternalTokenProperties tokens) {
        List<String> missing = new ArrayList<>();
        if (keys.usesDevAdminKey()) {
            missing.add("DZN_ADMIN_KEY");
        }
        if (tokens.usesDevSecret()) {
            missing.add("DZN_INTERNAL_TOKEN_SECRET");
        }
        if (keys.usesDevHashSecret()) {
            missing.add("DZN_KEY_HASH_SECRET");
        }
        return missing;
    }

    private static String banner(List<String> missing) {
        String line = "*".repeat(78);
        StringBuilder text = new StringBuilder("\n").append(line).append('\n')
                .append("* WARNING: DEVELOPMENT SECRETS IN USE - DO NOT EXPOSE THIS GATEWAY\n")
                .append("* NOT SET: ").append(String.join(", ", missing)).append('\n');
        if (missing.contains("DZN_ADMIN_KEY")) {
            text.append("* THE NATIONAL ADMIN KEY IS THE PUBLIC DEVELOPMENT KEY: ")
                    .append(ApiKeyProperties.DEV_ADMIN_KEY).append('\n');
        }
        return text.append("* SET THE VARIABLES ABOVE; THE prod PROFILE REFUSES TO START WITHOUT THEM\n")
                .append(line).toString();
    }
}
