package cn.dzn.zone.lists;

import java.util.List;

import cn.dzn.platform.regions.Region;
import cn.dzn.zone.periods.Period;
import cn.dzn.zone.zones.Zone;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A demand or scenario list as a zone publishes it for a period; {@code regionCode} is the zone's lead region. */
public record ListInput(
        @NotBlank @Size(max = Zone.MAX_ID) String zoneId,
        @NotNull @Region @Size(max = 6) String regionCode,
        @NotNull ListKind kind,
        @NotNull @Pattern(regexp = Period.FORMAT, message = Period.FORMAT_MESSAGE)
        @Size(max = Period.MAX_LENGTH) String period,
        @NotEmpty @Size(max = 500) List<@NotNull @Valid ListItem> items,
        Long version) {
}
