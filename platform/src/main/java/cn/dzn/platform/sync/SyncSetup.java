package cn.dzn.platform.sync;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;

import com.mongodb.client.MongoDatabase;

import cn.dzn.platform.mongo.MongoSetup;
import jakarta.validation.Validator;
import tools.jackson.databind.json.JsonMapper;

/** The shared write path, sync, change feed and audit trail for every servlet service. */
@AutoConfiguration(after = MongoSetup.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
public class SyncSetup {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Records records(MongoDatabase database, JsonMapper json, Validator validator, Clock clock,
            @Value("${dzn.sync.idempotency-lease:15s}") Duration lease) {
        return new Records(database, json, validator, clock, lease);
    }
}
