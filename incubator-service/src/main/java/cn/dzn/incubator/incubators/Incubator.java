package cn.dzn.incubator.incubators;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.bson.codecs.pojo.annotations.BsonId;

import jakarta.validation.constraints.Size;

/**
 * An incubator as stored in {@code incubators} and read at {@code /api/incubators}: what its
 * region sent ({@link IncubatorInput}, where every field is described and bounded; the document
 * states the same limits here) and what the kit keeps. One approved self-registration makes one,
 * under the registration's id. The national thresholds it is judged on are read at
 * {@code /api/incubators/{id}/assessment} ({@link Thresholds}).
 *
 * @param sample true for sample data, never for a real record
 */
public record Incubator(
        @BsonId @Size(max = Formats.MAX_ID) String id,
        String name,
        String regionCode,
        IncubatorKind kind,
        IncubatorLevel level,
        LegalEntity legalEntity,
        String hostCountry,
        String hostCity,
        LocalDate operatingSince,
        Integer areaSqm,
        Integer tenantAreaSqm,
        Integer workstations,
        Long seedFundWan,
        Integer mentors,
        List<ServiceOffered> servicesOffered,
        Integer statisticsYears,
        Integer residentTeams,
        Integer firmsFoundedLastYear,
        Integer teamsFinancedLastYear,
        Integer eventsLastYear,
        LocalDate closedOn,
        String note,
        Boolean sample,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public boolean isOverseas() {
        return kind == IncubatorKind.OVERSEAS_INCUBATOR;
    }

    public boolean isClosed() {
        return closedOn != null;
    }
}
