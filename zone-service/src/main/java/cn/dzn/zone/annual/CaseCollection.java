package cn.dzn.zone.annual;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.empty;
import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.List;

import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Service;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;

import cn.dzn.platform.errors.FieldError;
import cn.dzn.platform.errors.Problems;
import cn.dzn.platform.identity.Caller;
import cn.dzn.zone.zones.ZoneService;

/** The case collection: national administrators curate it; everyone reads it. */
@Service
public class CaseCollection {

    private final MongoCollection<CaseStudy> cases;
    private final ZoneService zones;

    public CaseCollection(MongoDatabase database, ZoneService zones) {
        this.cases = database.getCollection("cases", CaseStudy.class);
        this.zones = zones;
    }

    public CaseStudy add(Caller caller, CaseStudy study) {
        caller.requireAdmin();
        if (zones.lookup(study.zoneId()).isEmpty()) {
            throw Problems.invalid(List.of(new FieldError("zoneId", "no zone " + study.zoneId())));
        }
        CaseStudy stored = new CaseStudy(new ObjectId().toHexString(), study.zoneId(), study.year(), study.title(),
                study.summary(), study.tags() == null ? List.of() : study.tags());
        cases.insertOne(stored);
        return stored;
    }

    public CaseStudy get(String id) {
        CaseStudy study = cases.find(eq("_id", id)).first();
        if (study == null) {
            throw Problems.notFound("case " + id);
        }
        return study;
    }

    public void remove(Caller caller, String id) {
        caller.requireAdmin();
        if (cases.deleteOne(eq("_id", id)).getDeletedCount() == 0) {
            throw Problems.notFound("case " + id);
        }
    }

    public List<CaseStudy> find(String zoneId, Integer year) {
        List<Bson> filters = new ArrayList<>();
        if (zoneId != null) {
            filters.add(eq("zoneId", zoneId));
        }
        if (year != null) {
            filters.add(eq("year", year));
        }
        return cases.find(filters.isEmpty() ? empty() : and(filters)).sort(Sorts.ascending("_id"))
                .into(new ArrayList<>());
    }
}
