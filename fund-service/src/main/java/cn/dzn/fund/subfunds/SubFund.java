package cn.dzn.fund.subfunds;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.bson.codecs.pojo.annotations.BsonId;

/** A sub-fund as read. */
public record SubFund(
        @BsonId String id,
        String fundId,
        String name,
        String regionCode,
        BigDecimal sizeWan,
        BigDecimal guidanceWan,
        List<Investor> investors,
        List<Stage> stages,
        SubFundStatus status,
        String note,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    SubFundInput input() {
        return new SubFundInput(fundId, name, regionCode, sizeWan, guidanceWan, investors, stages, status, note, null);
    }
}
