package cn.dzn.zone.rollups;

import java.math.BigDecimal;
import java.util.List;

import cn.dzn.zone.periods.Period;
import jakarta.validation.constraints.Size;

/**
 * The technology-trading index of a region (seed 002 §11: "依托技术交易平台数据，制订并发布技术交易指数，
 * 反映区域技术交易市场运行状况"; the seed gives no formula, so this is ours, docs/decisions.md):
 *
 * <pre>
 *   I(t) = 100 × Σ T(c, t) / Σ T(c, base),   summed over the cities c that reported both periods
 * </pre>
 *
 * where T(c, t) is city c's verified 技术合同成交额 ({@code contract_turnover}) in period t, over
 * all the zones it reports for. Matching the cities keeps a city that starts or stops reporting
 * from moving the index; the cities matched are listed per point. Nominal: not deflated.
 */
public record TradingIndex(
        @Size(max = 6) String regionCode,
        @Size(max = Period.MAX_LENGTH) String basePeriod,
        @Size(max = TradingIndex.MAX_POINTS) List<Point> points) {

    /** One point per period asked for: a series of ten years by quarters. */
    public static final int MAX_POINTS = 40;

    /** {@code index} is null when no city reported in both this period and the base period. */
    public record Point(
            @Size(max = Period.MAX_LENGTH) String period,
            BigDecimal index,
            BigDecimal turnover,
            BigDecimal baseTurnover,
            @Size(max = Rollup.MAX_PARTS) List<@Size(max = 6) String> cities) {
    }
}
