package cn.dzn.zone.overview;

import java.util.List;
import java.util.Map;

/** A zone with the figures other services hold for its member cities, one section per service. */
public record ZoneOverview(String zoneId, String name, String regionCode, List<String> memberCities,
        Map<String, Section> sections) {

    /** A service's figures, or why they are missing; {@code available} is false when it failed. */
    public record Section(boolean available, Map<String, Long> figures, String reason) {

        static Section of(ServiceFigures figures) {
            return new Section(true, figures.figures(), null);
        }

        static Section unavailable(String reason) {
            return new Section(false, Map.of(), reason);
        }
    }
}
