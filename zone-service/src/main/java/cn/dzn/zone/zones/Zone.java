package cn.dzn.zone.zones;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.bson.codecs.pojo.annotations.BsonId;

import cn.dzn.platform.mongo.Versioned;

/**
 * A national technology-transfer demonstration zone (国家科技成果转移转化示范区, seed 004).
 * {@code regionCode} is the owning region (the lead province or city); a zone spans the
 * {@code memberCities}, sometimes across provinces.
 */
public record Zone(
        @BsonId String id,
        String name,
        String regionCode,
        List<String> memberCities,
        String approvalDocument,
        LocalDate approvedOn,
        Integer batch,
        ZoneStatus status,
        List<String> leadingIndustries,
        boolean sample,
        String note,
        Instant createdAt,
        Instant updatedAt,
        long version) implements Versioned<Zone> {

    @Override
    public Zone withVersion(long next) {
        return new Zone(id, name, regionCode, memberCities, approvalDocument, approvedOn, batch, status,
                leadingIndustries, sample, note, createdAt, updatedAt, next);
    }
}
