package cn.dzn.platform.test;

import java.util.List;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points every Spring test context of a module at {@link EmbeddedMongo} and gives it this JVM's
 * {@link TestSecrets#INTERNAL_TOKEN_SECRET}, as the launcher gives a service its generated secret;
 * registered in spring.factories.
 */
public class EmbeddedMongoContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return new Customizer();
    }

    /** All instances are equal, so Spring's context cache still shares one context per configuration. */
    private static final class Customizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            TestPropertyValues.of("spring.mongodb.uri=" + EmbeddedMongo.uri(),
                    "dzn.internal-token.secret=" + TestSecrets.INTERNAL_TOKEN_SECRET).applyTo(context);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer;
        }

        @Override
        public int hashCode() {
            return Customizer.class.hashCode();
        }
    }
}
