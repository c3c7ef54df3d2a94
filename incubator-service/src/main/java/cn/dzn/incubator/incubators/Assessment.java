package cn.dzn.incubator.incubators;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Size;

/**
 * An incubator judged item by item against the national thresholds of its kind (DOMAIN.md,
 * Incubation), for a bureau deciding on a promotion: each criterion met, not met, or not reported
 * (a missing figure is never taken as met). Read at {@code GET /api/incubators/{id}/assessment}.
 *
 * @param standard  the standard applied; null for an overseas incubator, for which none is set
 * @param asOf      the day the operating time was counted to (Beijing)
 * @param allMet    every criterion met
 * @param criteria  one per threshold of the standard, in the order DOMAIN.md lists them
 */
public record Assessment(
        @Size(max = Formats.MAX_ID) String incubatorId,
        @Size(max = 200) String name,
        IncubatorKind kind,
        IncubatorLevel level,
        Standard standard,
        @Size(max = 300) String source,
        LocalDate asOf,
        boolean allMet,
        @Size(max = 10) List<Criterion> criteria) {

    /** The standard an incubator is judged against. */
    public enum Standard {
        /** 国家级科技企业孵化器. */
        NATIONAL_INCUBATOR,
        /** 国家备案众创空间. */
        NATIONAL_MAKER_SPACE
    }

    /** How a criterion stands. */
    public enum Result {
        MET, NOT_MET, NOT_REPORTED
    }

    /**
     * One threshold: met when its measures say so (all of them, or any one where the criterion is
     * an alternative such as "500 m² or 30 workstations").
     */
    public record Criterion(
            @Size(max = 40) String criterion,
            @Size(max = 200) String requirement,
            Result result,
            @Size(max = 2) List<Measure> measures) {
    }

    /** A figure of the record against its threshold; {@code value} is null when the record does not say. */
    public record Measure(
            @Size(max = 40) String measure,
            BigDecimal value,
            BigDecimal threshold,
            @Size(max = 20) String unit,
            Result result) {
    }
}
