package cn.dzn.zone.overview;

import java.util.List;
import java.util.Map;

import cn.dzn.zone.zones.Zone;
import cn.dzn.zone.zones.ZoneInput;
import jakarta.validation.constraints.Size;

/** A zone with the figures other services hold for its member cities, one section per service. */
public record ZoneOverview(
        @Size(max = Zone.MAX_ID) String zoneId,
        @Size(max = ZoneInput.MAX_NAME) String name,
        @Size(max = 6) String regionCode,
        @Size(max = ZoneInput.MAX_MEMBERS) List<@Size(max = 6) String> memberCities,
        Map<String, Section> sections) {

    /**
     * A service's figures, or why they are missing; {@code available} is false when it failed.
     * The reason is this service's own sentence, well under 100 characters.
     */
    public record Section(boolean available, Map<String, Long> figures, @Size(max = 100) String reason) {

        static Section of(ServiceFigures figures) {
            return new Section(true, figures.figures(), null);
        }

        static Section unavailable(String reason) {
            return new Section(false, Map.of(), reason);
        }
    }
}
