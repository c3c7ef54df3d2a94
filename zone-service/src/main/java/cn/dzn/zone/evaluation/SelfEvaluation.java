package cn.dzn.zone.evaluation;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A zone's own evaluation of a period (seed 004 §六: "鼓励…建立常态化自评价体系"), shown next to
 * the national score: a score on the same 0–100 scale and what the zone says about it.
 */
public record SelfEvaluation(
        @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal score,
        @Size(max = 5000) String summary) {
}
