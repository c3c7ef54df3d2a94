package cn.dzn.talent.offshore;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.bson.codecs.pojo.annotations.BsonId;

/** An offshore innovation base as read. */
public record OffshoreBase(
        @BsonId String id,
        String name,
        String operator,
        String regionCode,
        OffshoreBaseType type,
        LocalDate establishedOn,
        List<OverseasCentre> overseasCentres,
        List<HostedTalent> talents,
        List<HostedProject> projects,
        String note,
        Instant createdAt,
        Instant updatedAt,
        long version) {
}
