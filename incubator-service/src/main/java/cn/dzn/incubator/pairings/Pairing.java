package cn.dzn.incubator.pairings;

import java.time.Instant;
import java.time.LocalDate;

import org.bson.codecs.pojo.annotations.BsonId;

import cn.dzn.incubator.incubators.Formats;
import jakarta.validation.constraints.Size;

/** A pairing as stored in {@code pairings} and read at {@code /api/incubators/pairings} ({@link PairingInput}). */
public record Pairing(
        @BsonId @Size(max = Formats.MAX_ID) String id,
        String overseasId,
        String localId,
        String regionCode,
        PairingStatus status,
        LocalDate startedOn,
        LocalDate endedOn,
        String note,
        Boolean sample,
        Instant createdAt,
        Instant updatedAt,
        long version) {
}
