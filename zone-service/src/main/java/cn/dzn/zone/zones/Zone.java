package cn.dzn.zone.zones;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.bson.codecs.pojo.annotations.BsonId;

/**
 * A national technology-transfer demonstration zone (国家科技成果转移转化示范区, seed 004), as
 * read. {@code regionCode} is the owning region (the lead province or city); a zone spans the
 * {@code memberCities}, sometimes across provinces. {@code sample} marks seeded sample data.
 */
public record Zone(
        @BsonId String id,
        String name,
        String regionCode,
        List<String> memberCities,
        String approvalDocument,
        LocalDate approvedOn,
        Integer batch,
        BuildPeriod buildPeriod,
        ZoneStatus status,
        List<String> leadingIndustries,
        String constructionBody,
        List<String> coreParks,
        String note,
        Boolean sample,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    /**
     * The longest zone id: the service makes 24 hex digits, a client syncing a zone names one of
     * at most 64 characters (the kit's rule). Inputs that name a zone take no longer one.
     */
    public static final int MAX_ID = 64;
}
