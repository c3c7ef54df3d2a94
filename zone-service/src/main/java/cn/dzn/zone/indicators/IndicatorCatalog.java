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

import cn.dzn.platform.mongo.ReferenceData;
import tools.jackson.databind.json.JsonMapper;

/**
 * The indicator definitions. The standard set ({@code indicators.json}) is written at start-up
 * where missing, so every deployment validates reports against the same codes; national staff add
 * or redefine indicators through the API. Definitions are reference data, not synced records.
 */
@Service
public class IndicatorCatalog {

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

    public Indicator save(Indicator indicator) {
        indicators.replaceOne(Filters.eq("_id", indicator.code()), indicator, new ReplaceOptions().upsert(true));
        return indicator;
    }
}
