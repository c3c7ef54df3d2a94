package cn.dzn.platform.mongo;

import org.bson.Document;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
import org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration;
import org.springframework.context.annotation.Bean;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

/** The service's own database, and a health check the embedded store understands. */
@AutoConfiguration(after = MongoAutoConfiguration.class, before = MongoHealthContributorAutoConfiguration.class)
@ConditionalOnClass(MongoClient.class)
@EnableConfigurationProperties(SampleData.class)
public class MongoSetup {

    @Bean
    MongoDatabase mongoDatabase(MongoClient client, MongoProperties properties) {
        return client.getDatabase(properties.getMongoClientDatabase());
    }

    @Bean
    @ConditionalOnBooleanProperty("dzn.sample-data.enabled")
    ApplicationRunner sampleDataLoader(MongoDatabase database, SampleData sampleData) {
        return args -> sampleData.loadInto(database);
    }

    /**
     * Boot's own indicator sends {@code hello} to every database, which mongo-java-server does
     * not know, so health would read DOWN; {@code ping} means the same to us.
     */
    @Bean(name = "mongoHealthIndicator")
    HealthIndicator mongoHealthIndicator(MongoDatabase database) {
        return () -> {
            database.runCommand(new Document("ping", 1));
            return Health.up().withDetail("database", database.getName()).build();
        };
    }
}
