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
import cn.dzn.platform.mongo.KeysetPager;
import cn.dzn.platform.web.Page;
import cn.dzn.platform.web.PageRequest;
import cn.dzn.zone.zones.ZoneService;

/**
 * The case collection: national administrators curate it; everyone reads it, a keyset page at a
 * time. A zone's annual report presents its typical cases of the year (典型案例), a few, not an
 * archive: at most {@link #MAX_PER_REPORT} per zone and year.
 */
@Service
public class CaseCollection {

    public static final int MAX_PER_REPORT = 20;

    private final MongoCollection<CaseStudy> cases;
    private final ZoneService zones;

    public CaseCollection(MongoDatabase database, ZoneService zones) {
        this.cases = database.getCollection("cases", CaseStudy.class);
        this.zones = zones;
    }

    /**
     * Curators add cases one at a time: counting first keeps a report's cap, which only two
     * additions to the same zone and year at the very same moment could pass.
     */
    public CaseStudy add(Caller caller, CaseStudy study) {
        caller.requireAdmin();
        if (zones.lookup(study.zoneId()).isEmpty()) {
            throw Problems.invalid(List.of(new FieldError("zoneId", "no zone " + study.zoneId())));
        }
        if (cases.countDocuments(filter(study.zoneId(), study.year())) >= MAX_PER_REPORT) {
            throw Problems.invalid(List.of(new FieldError("", study.zoneId() + " has " + MAX_PER_REPORT + " cases for "
                    + study.year() + ", as many as its annual report presents; remove one first")));
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

    /** Cases in id order (the order they were added), narrowed to a zone or a year when given. */
    public Page<CaseStudy> page(String zoneId, Integer year, PageRequest request) {
        return KeysetPager.page(cases, filter(zoneId, year), request, CaseStudy::id);
    }

    /** The cases an annual report presents. */
    public List<CaseStudy> ofReport(String zoneId, int year) {
        return cases.find(filter(zoneId, year)).sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }

    private static Bson filter(String zoneId, Integer year) {
        List<Bson> filters = new ArrayList<>();
        if (zoneId != null) {
            filters.add(eq("zoneId", zoneId));
        }
        if (year != null) {
            filters.add(eq("year", year));
        }
        return filters.isEmpty() ? empty() : and(filters);
    }
}
