package cn.dzn.talent.brokers;

import java.util.Map;

import cn.dzn.talent.common.Formats;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/brokers/{id}/evaluate}: a period and the points given on each indicator of the index. */
public record EvaluationRequest(
        @NotNull @Size(max = Formats.PERIOD_LENGTH) @Pattern(regexp = Formats.PERIOD, message = Formats.PERIOD_MESSAGE) String period,
        @NotNull @Size(min = 1, max = 20) Map<@NotNull @Pattern(regexp = Evaluation.INDICATOR) String,
                @NotNull @Min(0) @Max(100) Integer> points) {
}
