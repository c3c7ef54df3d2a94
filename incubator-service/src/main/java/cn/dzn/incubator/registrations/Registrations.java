package cn.dzn.incubator.registrations;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.mongo.KeysetPager;
import cn.dzn.platform.regions.RegionFilters;
import cn.dzn.platform.web.Page;
import cn.dzn.platform.web.PageRequest;

/**
 * The {@code registrations} collection (reads in a caller's region and the one conditional review
 * write) and {@code registration_claims}: one document per region and name an application is
 * pending or approved for, whose unique {@code _id} lets exactly one of two identical applications
 * in (issue 17: the same application twice).
 */
@Component
public class Registrations {

    public static final String COLLECTION = "registrations";
    public static final String CLAIMS = "registration_claims";

    private final MongoCollection<Registration> collection;
    private final MongoCollection<Document> claims;

    public Registrations(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION, Registration.class);
        this.claims = database.getCollection(CLAIMS);
        // A bureau's review queue: status, then id order (keyset), narrowed to its code range.
        collection.createIndex(Indexes.ascending(Registration.STATUS, "_id", Registration.REGION_CODE));
        collection.createIndex(Indexes.ascending(Registration.REGION_CODE));
    }

    public void insert(Registration registration) {
        collection.insertOne(registration);
    }

    /** The registration, if it lies inside the caller's region. */
    public Optional<Registration> find(Caller caller, String id) {
        return Optional.ofNullable(collection.find(and(eq("_id", id), inside(caller))).first());
    }

    /** A keyset page in id (= submission) order of the registrations inside the caller's region. */
    public Page<Registration> page(Caller caller, RegistrationStatus status, PageRequest request) {
        Bson filter = status == null ? inside(caller) : and(inside(caller), eq(Registration.STATUS, status.name()));
        return KeysetPager.page(collection, filter, request, Registration::id);
    }

    /**
     * Moves a PENDING registration at {@code version} to {@code to} in one conditional update, so
     * exactly one of concurrent reviewers succeeds. Empty when it was no longer PENDING at that
     * version (or is gone): the caller reads it again to say why.
     */
    public Optional<Registration> review(String id, long version, RegistrationStatus to, String reviewedBy,
            Instant reviewedAt, String reason) {
        Bson filter = and(eq("_id", id), eq(Registration.STATUS, RegistrationStatus.PENDING.name()),
                eq(Registration.VERSION, version));
        Bson update = Updates.combine(
                Updates.set(Registration.STATUS, to.name()),
                Updates.set("reviewedBy", reviewedBy),
                Updates.set("reviewedAt", reviewedAt),
                Updates.set("reason", reason),
                Updates.set("incubatorId", to == RegistrationStatus.APPROVED ? id : null),
                Updates.inc(Registration.VERSION, 1L));
        return Optional.ofNullable(collection.findOneAndUpdate(filter, update,
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
    }

    /** Who holds a claim, and since when. */
    public record Claim(String registrationId, Instant at) {
    }

    /**
     * Claims {@code name} (a fingerprint of region and name) for {@code registrationId} at
     * {@code at}: empty when it is now this registration's, else who holds it (an id of "" when it
     * was released in between: the caller tries again).
     */
    public Optional<Claim> claim(String name, String registrationId, Instant at) {
        try {
            claims.insertOne(new Document("_id", name).append("registrationId", registrationId).append("at", at));
            return Optional.empty();
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getError().getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            Document holder = claims.find(eq("_id", name)).first();
            if (holder == null) {
                return Optional.of(new Claim("", Instant.EPOCH));
            }
            // Claims written before they carried a time count as old.
            Date since = holder.getDate("at");
            return Optional.of(new Claim(holder.getString("registrationId"), since == null ? Instant.EPOCH
                    : since.toInstant()));
        }
    }

    /** Moves a claim from a registration that no longer holds it (rejected, or never stored) to another. */
    public boolean takeOver(String name, String from, String to, Instant at) {
        return claims.updateOne(and(eq("_id", name), eq("registrationId", from)),
                Updates.combine(Updates.set("registrationId", to), Updates.set("at", at))).getModifiedCount() == 1;
    }

    /** Releases the claim of a rejected registration: the incubator may apply again. */
    public void release(String name, String registrationId) {
        claims.deleteOne(and(eq("_id", name), eq("registrationId", registrationId)));
    }

    /** A registration by id whoever asks: for the service's own checks. */
    public Optional<Registration> lookup(String id) {
        return Optional.ofNullable(collection.find(eq("_id", id)).first());
    }

    private static Bson inside(Caller caller) {
        return RegionFilters.inside(Registration.REGION_CODE, caller.region());
    }
}
