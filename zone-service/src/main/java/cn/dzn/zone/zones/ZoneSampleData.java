package cn.dzn.zone.zones;

import org.bson.Document;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoDatabase;

import cn.dzn.platform.mongo.SampleData;

/** The ten zones of DOMAIN.md, loaded once into an empty store when sample data is switched on. */
@Component
@ConditionalOnProperty(name = "dzn.sample-data", havingValue = "true")
class ZoneSampleData implements ApplicationRunner {

    private final MongoDatabase database;

    ZoneSampleData(MongoDatabase database) {
        this.database = database;
    }

    @Override
    public void run(ApplicationArguments args) {
        SampleData.loadIfEmpty(database.getCollection("zones", Document.class), "sample/zones.json");
    }
}
