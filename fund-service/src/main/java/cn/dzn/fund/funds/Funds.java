package cn.dzn.fund.funds;

import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;

/** The {@code funds} collection. */
@Component
public class Funds {

    public static final String COLLECTION = "funds";

    private final MongoCollection<Fund> collection;

    public Funds(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION, Fund.class);
        collection.createIndex(Indexes.ascending(Fund.REGION_CODE));
    }

    public long count(Bson filter) {
        return collection.countDocuments(filter);
    }
}
