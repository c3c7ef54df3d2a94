package cn.dzn.zone.rollups;


import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;


import cn.dzn.platform.errors.FieldError;
import cn.dzn.platform.errors.Problems;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.regions.RegionCode;
import cn.dzn.zone.periods.Period;
import cn.dzn.zone.reports.Report;
import cn.dzn.zone.reports.ReportService;

/** Computes {@link TradingIndex} series from verified turnover reports. */
@Service
public class TradingIndexService {

    static final String TURNOVER = "contract_turnover";
    private static final int MAX_PERIODS = 40;

    private final ReportService reports;

    public TradingIndexService(ReportService reports) {
        this.reports = reports;
    }

    public TradingIndex series(Caller caller, String regionCode, String base, List<String> periods) {
        RegionCode region = regionCode == null ? caller.region() : RegionCode.of(checkedRegion(regionCode));
        if (!caller.region().contains(region)) {
            throw Problems.forbidden("region " + region + " lies outside the caller's region " + caller.region());
        }
        List<FieldError> errors = new ArrayList<>();
        checkPeriod("base", base, errors);
        if (periods.isEmpty() || periods.size() > MAX_PERIODS) {
            errors.add(new FieldError("periods", "1 to " + MAX_PERIODS + " periods, comma-separated"));
        }
        periods.forEach(period -> checkPeriod("periods", period, errors));
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
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
            points.add(new TradingIndex.Point(period, index, turnover, baseTurnover, matched));
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

    private static void checkPeriod(String field, String period, List<FieldError> errors) {
        if (Period.parse(period) == null) {
            errors.add(new FieldError(field, "'" + period + "' " + Period.FORMAT_MESSAGE));
        }
    }

    private static String checkedRegion(String code) {
        String problem = RegionCode.problemWith(code);
        if (problem != null) {
            throw Problems.invalid(List.of(new FieldError("region", problem)));
        }
        return code;
    }
}
