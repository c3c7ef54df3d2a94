package cn.dzn.talent.bases;

import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;

/** The {@code talent_bases} collection. */
@Component
public class TalentBases {

    public static final String COLLECTION = "talent_bases";

    private final MongoCollection<TalentBase> collection;

    public TalentBases(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION, TalentBase.class);
        collection.createIndex(Indexes.ascending(TalentBase.REGION_CODE));
    }

    public long count(Bson filter) {
        return collection.countDocuments(filter);
    }
}
