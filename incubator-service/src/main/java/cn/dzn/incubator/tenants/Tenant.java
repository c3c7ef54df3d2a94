package cn.dzn.incubator.tenants;

import java.time.Instant;
import java.time.LocalDate;

import org.bson.codecs.pojo.annotations.BsonId;

import cn.dzn.incubator.incubators.Formats;
import jakarta.validation.constraints.Size;

/** A tenant as stored in {@code tenants} and read at {@code /api/incubators/tenants} ({@link TenantInput}). */
public record Tenant(
        @BsonId @Size(max = Formats.MAX_ID) String id,
        String incubatorId,
        String regionCode,
        String firmName,
        String firmId,
        TenantStatus status,
        LocalDate admittedOn,
        LocalDate startedOn,
        LocalDate graduatedOn,
        LocalDate exitedOn,
        String exitReason,
        String note,
        Boolean sample,
        Instant createdAt,
        Instant updatedAt,
        long version) {
}
