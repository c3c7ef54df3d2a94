package cn.dzn.incubator.incubators;

import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;

/** The {@code incubators} collection. */
@Component
public class Incubators {

    public static final String COLLECTION = "incubators";

    private final MongoCollection<Incubator> collection;

    public Incubators(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION, Incubator.class);
        collection.createIndex(Indexes.ascending(Incubator.REGION_CODE));
    }

    public long count(Bson filter) {
        return collection.countDocuments(filter);
    }
}
