package cn.dzn.talent.bases;

import java.time.Instant;
import java.util.List;

import org.bson.codecs.pojo.annotations.BsonId;

/**
 * A training base as stored in {@code talent_bases} and read at {@code /api/talent-bases}.
 * {@code sample} is true for sample data only.
 */
public record TalentBase(
        @BsonId String id,
        String name,
        String hostOrganisation,
        String regionCode,
        Integer batch,
        List<Course> courses,
        String note,
        Boolean sample,
        Instant createdAt,
        Instant updatedAt,
        Long version) {
}
