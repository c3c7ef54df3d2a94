package cn.dzn.zone.rollups;

import java.math.BigDecimal;
import java.util.List;

import cn.dzn.zone.indicators.Aggregation;
import cn.dzn.zone.indicators.Indicator;
import cn.dzn.zone.periods.Period;
import cn.dzn.zone.zones.Zone;
import jakarta.validation.constraints.Size;

/**
 * One indicator for one period over a region (or a zone): its value, how many reports it rests
 * on, for a ratio the summed numerator and denominator, and the same figure for each part one
 * tier down (provinces of the nation, cities of a province, zones of a city, cities of a zone).
 * {@code value} is null when no report counts.
 */
public record Rollup(
        @Size(max = Indicator.MAX_CODE) String indicator,
        @Size(max = Indicator.MAX_UNIT) String unit,
        Aggregation aggregation,
        @Size(max = Period.MAX_LENGTH) String period,
        @Size(max = 6) String regionCode,
        @Size(max = Zone.MAX_ID) String zoneId,
        boolean verifiedOnly,
        BigDecimal value,
        int reports,
        BigDecimal numerator,
        BigDecimal denominator,
        @Size(max = Rollup.MAX_PARTS) List<Part> parts) {

    /**
     * The most parts a roll-up (or cities a trading-index point) names, which RollupService
     * refuses to pass: the widest tier is the cities and districts of one province, at most
     * 9,900 codes (GB/T 2260 has about 3,200 in all), the zones of a city are fewer than the
     * service holds, the cities of a zone or the provinces fewer still.
     */
    public static final int MAX_PARTS = 10_000;

    /** {@code parts}, unless there are more than {@link #MAX_PARTS}: then a failure, not an answer. */
    static <T> List<T> bounded(List<T> parts) {
        if (parts.size() > MAX_PARTS) {
            throw new IllegalStateException(parts.size() + " parts, more than the " + MAX_PARTS + " the API states");
        }
        return parts;
    }

    /** A part's figure; {@code key} is a region code or, below a city, a zone id. */
    public record Part(@Size(max = Zone.MAX_ID) String key, BigDecimal value, int reports) {
    }
}
