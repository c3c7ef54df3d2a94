package cn.dzn.talent.bases;

import java.time.Instant;
import java.util.List;

import org.bson.codecs.pojo.annotations.BsonId;

/** A trainee's completed courses at one base, as read; its id is derived from baseId and talentId. */
public record Completion(
        @BsonId String id,
        String baseId,
        String talentId,
        String regionCode,
        List<CompletedCourse> courses,
        Instant createdAt,
        Instant updatedAt,
        long version) {
}
