package cn.dzn.zone.lists;

import static com.mongodb.client.model.Filters.empty;
import static com.mongodb.client.model.Filters.eq;

import java.time.Clock;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import cn.dzn.platform.errors.FieldError;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.sync.RecordStore;
import cn.dzn.platform.sync.Records;
import cn.dzn.platform.sync.SyncResource;
import cn.dzn.zone.reports.Period;

/**
 * Demand and scenario lists as a syncable resource, one per zone, kind and period. The zone
 * publishes them (seed 004 §四: "示范区要…定期发布"), so they belong to its lead region; they are
 * published to be read, so every caller reads every list.
 */
@Configuration
public class ListResource implements SyncResource<ListInput, PublishedList> {

    private final MongoCollection<Document> zones;
    private final Clock clock;

    public ListResource(MongoDatabase database, Clock clock) {
        this.zones = database.getCollection("zones");
        this.clock = clock;
    }

    @Bean
    RecordStore<ListInput, PublishedList> listStore(Records records) {
        return records.store(this);
    }

    @Override
    public String collection() {
        return "lists";
    }

    @Override
    public Class<ListInput> inputType() {
        return ListInput.class;
    }

    @Override
    public Class<PublishedList> viewType() {
        return PublishedList.class;
    }

    @Override
    public String regionOf(ListInput input) {
        return input.regionCode();
    }

    @Override
    public String naturalId(ListInput input) {
        if (input.zoneId() == null || input.kind() == null || input.period() == null) {
            return null;
        }
        return input.zoneId() + "." + input.kind() + "." + input.period();
    }

    @Override
    public void check(ListInput input, List<FieldError> errors) {
        Period.checkStarted(input.period(), clock, errors);
        Document zone = zones.find(eq("_id", input.zoneId())).first();
        if (zone == null || Boolean.TRUE.equals(zone.getBoolean("deleted"))) {
            errors.add(new FieldError("zoneId", "no zone " + input.zoneId()));
        } else if (!zone.getString("regionCode").equals(input.regionCode())) {
            errors.add(new FieldError("regionCode", "a zone's lists are published by its lead region "
                    + zone.getString("regionCode")));
        }
    }

    @Override
    public Bson visibleTo(Caller caller) {
        return empty();
    }
}
