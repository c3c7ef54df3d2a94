package cn.dzn.talent.brokers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.bson.codecs.pojo.annotations.BsonId;

/** A 科技伯乐 as read; its id is the admitted professional's. */
public record Broker(
        @BsonId String id,
        String talentId,
        String regionCode,
        Institution institution,
        LocalDate admittedOn,
        List<Agreement> agreements,
        List<Evaluation> evaluations,
        BrokerStatus status,
        String exitReason,
        Boolean outstanding,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    BrokerInput input() {
        return new BrokerInput(talentId, regionCode, institution, admittedOn, agreements, evaluations, status,
                exitReason, outstanding, null);
    }
}
