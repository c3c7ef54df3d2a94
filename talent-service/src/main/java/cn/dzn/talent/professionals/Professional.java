package cn.dzn.talent.professionals;

import java.time.Instant;
import java.util.List;

import org.bson.codecs.pojo.annotations.BsonId;

/**
 * A professional as every reader gets it: no personal field, so lists, the change feed and
 * the record's reads never carry one.
 */
public record Professional(
        @BsonId String id,
        String ref,
        String regionCode,
        ProfessionalRole role,
        String employer,
        Level level,
        ProfessionalStatus status,
        List<Certificate> certificates,
        List<Deal> deals,
        Boolean sample,
        Instant createdAt,
        Instant updatedAt,
        long version) {
}
