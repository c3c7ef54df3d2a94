package cn.dzn.fund.funds;

import java.time.Instant;

import org.bson.codecs.pojo.annotations.BsonId;

/** A fund as read; {@code sample} is true for sample data only. */
public record Fund(
        @BsonId String id,
        String name,
        String regionCode,
        FundKind kind,
        String note,
        Boolean sample,
        Instant createdAt,
        Instant updatedAt,
        long version) {
}
