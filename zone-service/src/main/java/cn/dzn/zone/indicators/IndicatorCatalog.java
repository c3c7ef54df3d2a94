package cn.dzn.zone.indicators;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;

import cn.dzn.platform.errors.FieldError;
import cn.dzn.platform.errors.Problems;
import cn.dzn.platform.mongo.ReferenceData;
import tools.jackson.databind.json.JsonMapper;

/**
 * The indicator definitions. The standard set ({@code indicators.json}) is written at start-up
 * where missing, so every deployment validates reports against the same codes; national staff add
 * or redefine indicators through the API. Definitions are reference data, not synced records.
 */
@Service
public class IndicatorCatalog {

    /**
     * The most indicators the catalog holds: as many as a report may carry, each at most once
     * (the standard set has 18). The catalog's answer and an annual report's lines state it.
     */
    public static final int MAX_INDICATORS = 100;

    private final MongoCollection<Indicator> indicators;

    public IndicatorCatalog(MongoDatabase database, JsonMapper json) {
        this.indicators = database.getCollection("indicators", Indicator.class);
        ReferenceData.insertMissing(indicators, json, "/indicators.json", Indicator.class);
    }

    public Optional<Indicator> find(String code) {
        return Optional.ofNullable(indicators.find(Filters.eq("_id", code)).first());
    }

    public List<Indicator> all() {
        return indicators.find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }

    /**
     * Defines or redefines an indicator; a new one only while the catalog has room. Only national
     * administrators define indicators, now and then: counting first keeps the cap, which only two
     * new definitions at the very same moment could pass.
     */
    public Indicator save(Indicator indicator) {
        if (find(indicator.code()).isEmpty() && indicators.countDocuments() >= MAX_INDICATORS) {
            throw Problems.invalid(List.of(new FieldError("code", "is new, and the catalog holds " + MAX_INDICATORS
                    + " indicators, as many as a report may carry; redefine one instead")));
        }
        indicators.replaceOne(Filters.eq("_id", indicator.code()), indicator, new ReplaceOptions().upsert(true));
        return indicator;
    }
}
