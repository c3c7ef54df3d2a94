package cn.dzn.talent.commissioners;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.bson.codecs.pojo.annotations.BsonId;

/** A commissioner or expert-team assignment as read. */
public record Commissioner(
        @BsonId String id,
        AssignmentKind kind,
        String personRef,
        String teamName,
        Integer teamSize,
        String regionCode,
        Enterprise enterprise,
        LocalDate from,
        LocalDate to,
        List<ServiceKind> services,
        AssignmentOutcome outcome,
        Instant createdAt,
        Instant updatedAt,
        long version) {
}
