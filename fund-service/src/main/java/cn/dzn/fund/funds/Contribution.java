package cn.dzn.fund.funds;

import java.math.BigDecimal;
import java.time.Instant;

import org.bson.codecs.pojo.annotations.BsonId;

/** A contribution as read. */
public record Contribution(
        @BsonId String id,
        String fundId,
        String regionCode,
        Tier tier,
        String contributor,
        BigDecimal amountWan,
        ContributionStatus status,
        String note,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    ContributionInput input() {
        return new ContributionInput(fundId, regionCode, tier, contributor, amountWan, status, note, null);
    }
}
