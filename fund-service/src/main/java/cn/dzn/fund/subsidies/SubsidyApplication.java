package cn.dzn.fund.subsidies;

import java.time.Instant;

import org.bson.codecs.pojo.annotations.BsonId;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An application and its decision, as stored and read. Its id is its natural key (the rule,
 * and the applicant and year or the contract the rule keys on), so the same application sent
 * twice is one application.
 */
public record SubsidyApplication(
        @BsonId @Schema(maxLength = 128) String id,
        ApplicationInput input,
        Decision decision,
        @Schema(maxLength = 200) String decidedBy,
        @Schema(maxLength = 35) Instant decidedAt) {
}
