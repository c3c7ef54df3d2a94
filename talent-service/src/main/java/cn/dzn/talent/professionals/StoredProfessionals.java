package cn.dzn.talent.professionals;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;

import java.util.Optional;

import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/**
 * A professional's stored content, personal data included, which the kit's reads never serve:
 * for a promotion (that must keep the personal data) and for the own city's personal read.
 * This feature's own collection; nothing else reads it by name.
 */
@Component
class StoredProfessionals {

    static final String COLLECTION = "professionals";

    private final MongoCollection<ProfessionalInput> stored;

    StoredProfessionals(MongoDatabase database) {
        this.stored = database.getCollection(COLLECTION, ProfessionalInput.class);
    }

    Optional<ProfessionalInput> input(String id) {
        return Optional.ofNullable(stored.find(and(eq("_id", id), ne("deleted", true))).first());
    }
}
