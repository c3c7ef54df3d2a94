package cn.dzn.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertyResolver;
import org.springframework.stereotype.Component;

/**
 * The gateway has no default secrets: one written in the source signs tokens and keys for anybody
 * who reads it. Checked as a bean-factory post-processor, before any bean (or the server) exists,
 * so that an operator learns every missing variable in one go rather than one bind error at a
 * time; the embedded default's launcher generates all three.
 */
@Component
class StartupSecrets implements BeanFactoryPostProcessor, EnvironmentAware {

    /** Environment variable → the property application.yml binds it to. */
    static final Map<String, String> REQUIRED = Map.of(
            "DZN_ADMIN_KEY", "dzn.api-keys.admin-key",
            "DZN_INTERNAL_TOKEN_SECRET", "dzn.internal-token.secret",
            "DZN_KEY_HASH_SECRET", "dzn.api-keys.hash-secret");

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        refuseWithoutSecrets(environment);
    }

    static void refuseWithoutSecrets(PropertyResolver properties) {
        List<String> missing = missing(properties);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("not set: " + String.join(", ", missing)
                    + "; the gateway refuses to start without them (no secret has a default). Set each to a random "
                    + "value, e.g. `openssl rand -hex 32`, DZN_INTERNAL_TOKEN_SECRET the same as the services'; "
                    + "the README's start command generates them into data/secrets.properties");
        }
    }

    static List<String> missing(PropertyResolver properties) {
        List<String> missing = new ArrayList<>();
        REQUIRED.forEach((variable, property) -> {
            String value = properties.getProperty(property);
            if (value == null || value.isBlank()) {
                missing.add(variable);
            }
        });
        missing.sort(null);
        return missing;
    }
}
