package cn.dzn.platform.resources;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.mongodb.client.MongoDatabase;

import cn.dzn.platform.mongo.MongoSetup;
import jakarta.validation.Validator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The resource kit for every servlet service: the write path, sync, change feed and audit
 * trail behind each declared resource, its endpoints, and {@code /internal/figures}.
 */
@AutoConfiguration(after = MongoSetup.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
public class ResourceSetup {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    RecordBinder recordBinder(JsonMapper json, Validator validator) {
        return new RecordBinder(json, validator);
    }

    @Bean
    AuditTrail auditTrail(MongoDatabase database, JsonMapper json) {
        return new AuditTrail(database, json);
    }

    @Bean
    ResourceKit resourceKit(MongoDatabase database, AuditTrail audit, RecordBinder binder, Clock clock,
            @Value("${dzn.sync.idempotency-lease:15s}") Duration lease) {
        return new ResourceKit(database, audit, binder, clock, lease);
    }

    @Bean
    ResourceRoutes resourceRoutes(ObjectProvider<RecordStore<?, ?>> stores,
            @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping, RecordBinder binder) {
        return new ResourceRoutes(stores, mapping, binder);
    }

    /** Only where springdoc is on the class path (every service; the platform does not force it). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(OpenApiCustomizer.class)
    static class ApiDocs {

        @Bean
        ResourceApiDocs resourceApiDocs(ResourceRoutes routes) {
            return new ResourceApiDocs(routes);
        }
    }

    @Bean
    FiguresEndpoint figuresEndpoint(@Value("${spring.application.name}") String application, ResourceRoutes routes) {
        return new FiguresEndpoint(application.replaceFirst("-service$", ""), routes);
    }
}
