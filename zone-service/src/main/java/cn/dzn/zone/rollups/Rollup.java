package cn.dzn.zone.rollups;

import java.math.BigDecimal;
import java.util.List;

import cn.dzn.zone.indicators.Aggregation;

/**
 * One indicator for one period over a region (or a zone): its value, how many reports it rests
 * on, for a ratio the summed numerator and denominator, and the same figure for each part one
 * tier down (provinces of the nation, cities of a province, zones of a city, cities of a zone).
 * {@code value} is null when no report counts.
 */
public record Rollup(String indicator, String unit, Aggregation aggregation, String period, String regionCode,
        String zoneId, boolean verifiedOnly, BigDecimal value, int reports, BigDecimal numerator,
        BigDecimal denominator, List<Part> parts) {

    /** A part's figure; {@code key} is a region code or, below a city, a zone id. */
    public record Part(String key, BigDecimal value, int reports) {
    }
}
