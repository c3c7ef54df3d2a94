package cn.dzn.zone.reports;

import java.util.List;

import cn.dzn.platform.regions.Region;
import cn.dzn.zone.indicators.IndicatorCatalog;
import cn.dzn.zone.periods.Period;
import cn.dzn.zone.zones.Zone;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A city's indicator report for its part of a zone and one period (issue 4): what a bureau sends.
 * {@code regionCode} is the reporting city; {@code status} is DRAFT or SUBMITTED from the bureau,
 * VERIFIED or RETURNED only from the tier above ({@code returnReason} then says why).
 */
public record ReportInput(
        @NotBlank @Size(max = Zone.MAX_ID) String zoneId,
        @NotNull @Region @Size(max = 6) String regionCode,
        @NotNull @Pattern(regexp = Period.FORMAT, message = Period.FORMAT_MESSAGE)
        @Size(max = Period.MAX_LENGTH) String period,
        @NotNull ReportStatus status,
        @NotEmpty @Size(max = IndicatorCatalog.MAX_INDICATORS) List<@NotNull @Valid IndicatorValue> values,
        @Size(max = 2000) String note,
        @Size(max = 2000) String returnReason,
        Long version) {
}
