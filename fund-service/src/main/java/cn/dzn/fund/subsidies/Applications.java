package cn.dzn.fund.subsidies;

import static com.mongodb.client.model.Filters.eq;

import java.util.Optional;

import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import cn.dzn.platform.mongo.KeysetPager;
import cn.dzn.platform.web.Page;
import cn.dzn.platform.web.PageRequest;

/**
 * The decided applications, under their natural keys. Not a resource of the kit: what is stored
 * is the service's decision, which the kit, storing what a client sends, cannot make.
 */
@Repository
class Applications {

    private final MongoCollection<SubsidyApplication> stored;

    Applications(MongoDatabase database) {
        this.stored = database.getCollection("subsidy_applications", SubsidyApplication.class);
    }

    Optional<SubsidyApplication> find(String id) {
        return Optional.ofNullable(stored.find(eq("_id", id)).first());
    }

    /** Stores a decided application; false when one with its key was stored first. */
    boolean insert(SubsidyApplication application) {
        try {
            stored.insertOne(application);
            return true;
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return false;
        }
    }

    Page<SubsidyApplication> page(Bson filter, PageRequest request) {
        return KeysetPager.page(stored, filter, request, SubsidyApplication::id);
    }
}
