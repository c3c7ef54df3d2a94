package cn.dzn.incubator.pairings;

import java.time.Instant;
import java.time.LocalDate;

import org.bson.codecs.pojo.annotations.BsonId;

import cn.dzn.incubator.incubators.Formats;
import jakarta.validation.constraints.Size;

/** A project move as stored in {@code pairing_moves} and read at {@code /api/incubators/pairings/moves}. */
public record Move(
        @BsonId @Size(max = Formats.MAX_ID) String id,
        String pairingId,
        String regionCode,
        MoveDirection direction,
        String project,
        String firmId,
        LocalDate movedOn,
        String note,
        Boolean sample,
        Instant createdAt,
        Instant updatedAt,
        long version) {
}
