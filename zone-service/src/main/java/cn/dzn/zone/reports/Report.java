package cn.dzn.zone.reports;

import java.time.Instant;
import java.util.List;

import org.bson.codecs.pojo.annotations.BsonId;

/** An indicator report as read; its id is its natural key {@code zoneId.regionCode.period}. */
public record Report(
        @BsonId String id,
        String zoneId,
        String regionCode,
        String period,
        ReportStatus status,
        List<IndicatorValue> values,
        String note,
        String returnReason,
        Instant createdAt,
        Instant updatedAt,
        long version) {
}
