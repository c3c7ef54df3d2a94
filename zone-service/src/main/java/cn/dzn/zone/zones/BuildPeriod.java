package cn.dzn.zone.zones;

import cn.dzn.zone.periods.Period;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A zone's build period (建设期) in whole years, both included, e.g. 2018–2022. */
public record BuildPeriod(
        @NotNull @Min(value = Period.FIRST_YEAR, message = Period.YEAR_MESSAGE) @Max(value = Period.LAST_YEAR, message = Period.YEAR_MESSAGE) Integer fromYear,
        @NotNull @Min(value = Period.FIRST_YEAR, message = Period.YEAR_MESSAGE) @Max(value = Period.LAST_YEAR, message = Period.YEAR_MESSAGE) Integer toYear) {
}
