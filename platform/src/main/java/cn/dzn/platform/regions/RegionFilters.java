package cn.dzn.platform.regions;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.elemMatch;
import static com.mongodb.client.model.Filters.empty;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;

import org.bson.Document;
import org.bson.conversions.Bson;


/** Mongo filters for "the region lies inside R", as index-friendly code ranges. */
public final class RegionFilters {

    private RegionFilters() {
    }

    /** Records whose {@code field} (a code) lies inside {@code region}. */
    public static Bson inside(String field, RegionCode region) {
        String[] range = region.codeRange();
        return range == null ? empty() : and(gte(field, range[0]), lt(field, range[1]));
    }

    /** Records whose array {@code field} holds at least one code inside {@code region}. */
    public static Bson anyInside(String field, RegionCode region) {
        String[] range = region.codeRange();
        return range == null ? empty()
                : elemMatch(field, new Document("$gte", range[0]).append("$lt", range[1]));
    }
}
