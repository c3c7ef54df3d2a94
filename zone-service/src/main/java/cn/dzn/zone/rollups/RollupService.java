package cn.dzn.zone.rollups;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.springframework.stereotype.Service;

import cn.dzn.platform.errors.FieldError;
import cn.dzn.platform.errors.Problems;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.regions.RegionCode;
import cn.dzn.zone.indicators.Indicator;
import cn.dzn.zone.indicators.IndicatorCatalog;
import cn.dzn.zone.reports.IndicatorValue;
import cn.dzn.zone.reports.Report;
import cn.dzn.zone.reports.ReportService;

/**
 * Roll-ups of indicator reports at any tier and per zone, computed from the reports themselves
 * (never from lower roll-ups), so a national figure is its parts' aggregate by construction and a
 * report belonging to two tiers is read once. Only verified reports count unless asked otherwise.
 * A roll-up covers the reports of exactly the period asked: a year's roll-up reads annual
 * reports, not the sum of quarters, which would be wrong for stock indicators such as counts of
 * enterprises.
 */
@Service
public class RollupService {

    private final ReportService reports;
    private final IndicatorCatalog indicators;

    public RollupService(ReportService reports, IndicatorCatalog indicators) {
        this.reports = reports;
        this.indicators = indicators;
    }

    /** {@code period} and {@code regionCode} are well formed: checked by the controller, or stored so. */
    public Rollup rollup(Caller caller, String code, String period, String regionCode, String zoneId,
            boolean verifiedOnly) {
        Indicator indicator = indicators.find(code).orElseThrow(() -> Problems.invalid(List.of(
                new FieldError("indicator", "no indicator " + code + " (GET /api/indicators lists them)"))));
        RegionCode region = regionCode == null ? caller.region() : RegionCode.of(regionCode);
        if (!caller.region().contains(region)) {
            throw Problems.forbidden("region " + region + " lies outside the caller's region " + caller.region());
        }
        Function<Report, String> partOf = partKey(region, zoneId);
        List<IndicatorValue> all = new ArrayList<>();
        Map<String, List<IndicatorValue>> byPart = new TreeMap<>();
        for (Report report : reports.reportsOf(period, region, zoneId, verifiedOnly)) {
            report.values().stream().filter(value -> value.indicator().equals(code)).findFirst().ifPresent(value -> {
                all.add(value);
                byPart.computeIfAbsent(partOf.apply(report), key -> new ArrayList<>()).add(value);
            });
        }
        Figures total = Figures.of(indicator, all);
        List<Rollup.Part> parts = Rollup.bounded(byPart.entrySet().stream().map(part -> {
            Figures figures = Figures.of(indicator, part.getValue());
            return new Rollup.Part(part.getKey(), figures.value(), figures.reports());
        }).toList());
        return new Rollup(code, indicator.unit(), indicator.aggregation(), period, region.code(), zoneId, verifiedOnly,
                total.value(), total.reports(), total.numerator(), total.denominator(), parts);
    }

    /** One tier down: provinces of the nation, cities of a province, zones of a city, cities of a zone. */
    private static Function<Report, String> partKey(RegionCode region, String zoneId) {
        if (zoneId != null) {
            return Report::regionCode;
        }
        return switch (region.tier()) {
            case NATIONAL -> report -> RegionCode.of(report.regionCode()).province().code();
            case PROVINCE -> Report::regionCode;
            case CITY, DISTRICT -> Report::zoneId;
        };
    }
}
