package cn.dzn.fund.funds;

import org.bson.codecs.pojo.annotations.BsonId;

/**
 * A fund as stored in {@code funds}. Minimal for now: contributions by tier, investments and
 * capacity checks come later.
 *
 * @param regionCode GB/T 2260 code of the region that owns the fund
 * @param totalWan   the fund's size in 万元
 * @param sample     true for sample data, never for a real record
 * @param note       where the record comes from and what in it is unverified
 */
public record Fund(@BsonId String id, String name, String regionCode, FundKind kind, long totalWan,
        boolean sample, String note) {

    public static final String REGION_CODE = "regionCode";
}
