package cn.dzn.fund.investments;

import java.math.BigDecimal;
import java.time.Instant;

import org.bson.codecs.pojo.annotations.BsonId;

import cn.dzn.fund.subfunds.Stage;

/** An investment as read. */
public record Investment(
        @BsonId String id,
        String subFundId,
        String regionCode,
        String enterprise,
        String enterpriseCode,
        String zoneId,
        String contractNo,
        String achievementId,
        Stage stage,
        Boolean publiclyFundedResult,
        BigDecimal amountWan,
        InvestmentStatus status,
        String note,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    InvestmentInput input() {
        return new InvestmentInput(subFundId, regionCode, enterprise, enterpriseCode, zoneId, contractNo, achievementId,
                stage, publiclyFundedResult, amountWan, status, note, null);
    }
}
