package cn.dzn.zone.rollups;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.regions.Region;
import cn.dzn.zone.indicators.Indicator;
import cn.dzn.zone.periods.Period;
import cn.dzn.zone.zones.Zone;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code GET /api/reports/rollup?indicator=&period=[&region=][&zoneId=][&verifiedOnly=]}: an
 * indicator for a period over the caller's region or one inside it, or over a zone; and the
 * technology-trading index built on the same reports.
 */
@RestController
class RollupController {

    private final RollupService rollups;
    private final TradingIndexService tradingIndex;

    RollupController(RollupService rollups, TradingIndexService tradingIndex) {
        this.rollups = rollups;
        this.tradingIndex = tradingIndex;
    }

    @GetMapping("/api/reports/rollup")
    Rollup rollup(@AuthenticationPrincipal Caller caller,
            @RequestParam @Size(max = Indicator.MAX_CODE) String indicator,
            @RequestParam @Pattern(regexp = Period.FORMAT, message = Period.FORMAT_MESSAGE)
            @Size(max = Period.MAX_LENGTH) String period,
            @RequestParam(required = false) @Region @Size(max = 6) String region,
            @RequestParam(required = false) @Size(max = Zone.MAX_ID) String zoneId,
            @RequestParam(defaultValue = "true") boolean verifiedOnly) {
        return rollups.rollup(caller, indicator, period, region, zoneId, verifiedOnly);
    }

    /** {@code GET /api/reports/trading-index?base=2024Q1&periods=2024Q1,2024Q2[&region=]}: see {@link TradingIndex}. */
    @GetMapping("/api/reports/trading-index")
    TradingIndex tradingIndex(@AuthenticationPrincipal Caller caller,
            @RequestParam @Pattern(regexp = Period.FORMAT, message = Period.FORMAT_MESSAGE)
            @Size(max = Period.MAX_LENGTH) String base,
            @RequestParam @Size(min = 1, max = TradingIndex.MAX_POINTS, message = "1 to {max} periods, comma-separated")
            List<@Pattern(regexp = Period.FORMAT, message = Period.FORMAT_MESSAGE)
                    @Size(max = Period.MAX_LENGTH) String> periods,
            @RequestParam(required = false) @Region @Size(max = 6) String region) {
        return tradingIndex.series(caller, region, base, periods);
    }
}
