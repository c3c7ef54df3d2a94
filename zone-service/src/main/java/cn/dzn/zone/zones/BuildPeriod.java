package cn.dzn.zone.zones;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A zone's build period (建设期) in whole years, both included, e.g. 2018–2022. */
public record BuildPeriod(
        @NotNull @Min(2000) @Max(2100) Integer fromYear,
        @NotNull @Min(2000) @Max(2100) Integer toYear) {
}
