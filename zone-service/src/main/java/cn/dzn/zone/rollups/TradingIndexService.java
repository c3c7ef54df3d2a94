package cn.dzn.zone.rollups;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;

import cn.dzn.platform.errors.Problems;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.regions.RegionCode;
import cn.dzn.zone.reports.Report;
import cn.dzn.zone.reports.ReportService;

/** Computes {@link TradingIndex} series from verified turnover reports. */
@Service
public class TradingIndexService {

    static final String TURNOVER = "contract_turnover";

    private final ReportService reports;

    public TradingIndexService(ReportService reports) {
        this.reports = reports;
    }

    /**
     * The series for the periods asked, over the caller's region or {@code regionCode} inside it;
     * the controller has checked the codes, the periods and how many there are.
     */
    public TradingIndex series(Caller caller, String regionCode, String base, List<String> periods) {
        RegionCode region = regionCode == null ? caller.region() : RegionCode.of(regionCode);
        if (!caller.region().contains(region)) {
            throw Problems.forbidden("region " + region + " lies outside the caller's region " + caller.region());
        }
        Map<String, BigDecimal> atBase = turnoverByCity(region, base);
        List<TradingIndex.Point> points = new ArrayList<>();
        for (String period : periods) {
            Map<String, BigDecimal> now = turnoverByCity(region, period);
            List<String> matched = now.keySet().stream().filter(atBase::containsKey).toList();
            BigDecimal turnover = matched.stream().map(now::get).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal baseTurnover = matched.stream().map(atBase::get).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal index = baseTurnover.signum() == 0 ? null
                    : turnover.multiply(BigDecimal.valueOf(100)).divide(baseTurnover, MathContext.DECIMAL64);
            points.add(new TradingIndex.Point(period, index, turnover, baseTurnover, Rollup.bounded(matched)));
        }
        return new TradingIndex(region.code(), base, points);
    }

    /** Each city's verified turnover in the period, summed over the zones it reports for. */
    private Map<String, BigDecimal> turnoverByCity(RegionCode region, String period) {
        Map<String, BigDecimal> byCity = new TreeMap<>();
        for (Report report : reports.reportsOf(period, region, null, true)) {
            report.values().stream().filter(value -> value.indicator().equals(TURNOVER)).findFirst()
                    .ifPresent(value -> byCity.merge(report.regionCode(), value.value(), BigDecimal::add));
        }
        return byCity;
    }
}
