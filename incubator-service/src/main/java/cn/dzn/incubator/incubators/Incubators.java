package cn.dzn.incubator.incubators;

import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
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

    /**
     * Stores {@code incubator} unless a record with its id exists already; true when it was
     * stored now. Safe to call again for the same id (a retried approval): never two records.
     */
    public boolean insertIfAbsent(Incubator incubator) {
        try {
            collection.insertOne(incubator);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public long count(Bson filter) {
        return collection.countDocuments(filter);
    }
}
