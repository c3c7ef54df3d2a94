package cn.dzn.incubator.incubators;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import cn.dzn.incubator.incubators.Assessment.Criterion;
import cn.dzn.incubator.incubators.Assessment.Measure;
import cn.dzn.incubator.incubators.Assessment.Result;
import cn.dzn.incubator.incubators.Assessment.Standard;

/**
 * The national thresholds of DOMAIN.md ("Incubation"), item by item, for a bureau deciding on a
 * promotion: pure, no I/O. A national-level incubator (国家级科技企业孵化器): 10,000 m², three years
 * operating, at least two years of statistics reported, a seed fund of ¥5M (500万元), tenants using
 * at least 75% of the space. A maker space filed nationally (众创空间): 500 m² or 30 workstations,
 * 18 months operating, at least 20 resident teams, at least 10 new firms or 5 financed a year, at
 * least 3 mentors, at least 10 events a year. No standard is set for overseas incubators.
 */
public final class Thresholds {

    static final String SOURCE = "DOMAIN.md, Incubation: national-level incubator thresholds and national filing"
            + " of maker spaces (众创空间)";

    private Thresholds() {
    }

    public static Assessment assess(Incubator incubator, LocalDate today) {
        LocalDate asOf = incubator.closedOn() != null && incubator.closedOn().isBefore(today) ? incubator.closedOn()
                : today;
        Long months = incubator.operatingSince() == null || incubator.operatingSince().isAfter(asOf) ? null
                : ChronoUnit.MONTHS.between(incubator.operatingSince(), asOf);
        List<Criterion> criteria = new ArrayList<>();
        Standard standard = switch (incubator.kind()) {
            case INCUBATOR -> {
                criteria.add(all("space", "at least 10,000 m² of space",
                        measure("areaSqm", incubator.areaSqm(), 10_000, "m²")));
                criteria.add(all("operatingTime", "operating for at least 3 years",
                        measure("monthsOperating", months, 36, "months")));
                criteria.add(all("statistics", "statistics reported for at least 2 years",
                        measure("statisticsYears", incubator.statisticsYears(), 2, "years")));
                criteria.add(all("seedFund", "a seed fund of at least ¥5M (500万元)",
                        measure("seedFundWan", incubator.seedFundWan(), 500, "万元")));
                criteria.add(all("tenantShare", "tenants use at least 75% of the space",
                        new Measure("tenantSharePercent", tenantShare(incubator), BigDecimal.valueOf(75), "%",
                                judge(tenantShare(incubator), BigDecimal.valueOf(75)))));
                yield Standard.NATIONAL_INCUBATOR;
            }
            case MAKER_SPACE -> {
                criteria.add(any("spaceOrWorkstations", "at least 500 m² or 30 workstations",
                        measure("areaSqm", incubator.areaSqm(), 500, "m²"),
                        measure("workstations", incubator.workstations(), 30, "workstations")));
                criteria.add(all("operatingTime", "operating for at least 18 months",
                        measure("monthsOperating", months, 18, "months")));
                criteria.add(all("residentTeams", "at least 20 resident teams",
                        measure("residentTeams", incubator.residentTeams(), 20, "teams")));
                criteria.add(any("newFirmsOrFinanced", "at least 10 new firms or 5 financed a year",
                        measure("firmsFoundedLastYear", incubator.firmsFoundedLastYear(), 10, "firms"),
                        measure("teamsFinancedLastYear", incubator.teamsFinancedLastYear(), 5, "teams")));
                criteria.add(all("mentors", "at least 3 mentors", measure("mentors", incubator.mentors(), 3, "mentors")));
                criteria.add(all("events", "at least 10 events a year",
                        measure("eventsLastYear", incubator.eventsLastYear(), 10, "events")));
                yield Standard.NATIONAL_MAKER_SPACE;
            }
            case OVERSEAS_INCUBATOR -> null;
        };
        boolean allMet = standard != null && criteria.stream().allMatch(c -> c.result() == Result.MET);
        return new Assessment(incubator.id(), incubator.name(), incubator.kind(), incubator.level(), standard,
                standard == null ? "no national threshold is set for overseas incubators (DOMAIN.md, Incubation)"
                        : SOURCE,
                asOf, allMet, List.copyOf(criteria));
    }

    /** The share of the space tenants use, in % with one decimal; null when either figure is missing or there is no space. */
    static BigDecimal tenantShare(Incubator incubator) {
        if (incubator.areaSqm() == null || incubator.tenantAreaSqm() == null || incubator.areaSqm() == 0) {
            return null;
        }
        return BigDecimal.valueOf(incubator.tenantAreaSqm()).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(incubator.areaSqm()), 1, RoundingMode.DOWN);
    }

    private static Measure measure(String name, Number value, long threshold, String unit) {
        BigDecimal figure = value == null ? null : BigDecimal.valueOf(value.longValue());
        return new Measure(name, figure, BigDecimal.valueOf(threshold), unit, judge(figure, BigDecimal.valueOf(threshold)));
    }

    private static Result judge(BigDecimal value, BigDecimal threshold) {
        return value == null ? Result.NOT_REPORTED : value.compareTo(threshold) >= 0 ? Result.MET : Result.NOT_MET;
    }

    /** Met when every measure is; not met as soon as one is not. */
    private static Criterion all(String name, String requirement, Measure... measures) {
        List<Measure> list = List.of(measures);
        Result result = list.stream().anyMatch(m -> m.result() == Result.NOT_MET) ? Result.NOT_MET
                : list.stream().anyMatch(m -> m.result() == Result.NOT_REPORTED) ? Result.NOT_REPORTED : Result.MET;
        return new Criterion(name, requirement, result, list);
    }

    /** Met when any measure is; not met only when every one is reported and none is met. */
    private static Criterion any(String name, String requirement, Measure... measures) {
        List<Measure> list = List.of(measures);
        Result result = list.stream().anyMatch(m -> m.result() == Result.MET) ? Result.MET
                : list.stream().anyMatch(m -> m.result() == Result.NOT_REPORTED) ? Result.NOT_REPORTED
                        : Result.NOT_MET;
        return new Criterion(name, requirement, result, list);
    }
}
