package cn.dzn.zone.indicators;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The indicator definitions. The standard set ({@code indicators.json}) is written at start-up
 * where missing, so every deployment validates reports against the same codes; national staff add
 * or redefine indicators through the API. Definitions are reference data, not synced records.
 */
@Service
public class IndicatorCatalog {

    private final MongoCollection<Indicator> indicators;

    public IndicatorCatalog(MongoDatabase database, JsonMapper json) throws IOException {
        this.indicators = database.getCollection("indicators", Indicator.class);
        try (InputStream in = getClass().getResourceAsStream("/indicators.json")) {
            for (Indicator indicator : json.readValue(in, new TypeReference<List<Indicator>>() { })) {
                insertIfMissing(indicator);
            }
        }
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

    private void insertIfMissing(Indicator indicator) {
        try {
            indicators.insertOne(indicator);
        } catch (MongoException e) {
            if (e.getCode() != 11000) {
                throw e;
            }
        }
    }
}
