package cn.dzn.fund.funds;

import java.math.BigDecimal;
import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a fund holds and has committed, in 万元: its contributions by tier (pledged and received,
 * from the contribution records), and from the ledger what has been received into it, committed
 * to its sub-funds and is still available. The ledger is the authority on the money: a
 * contribution counts as received once its money is in the ledger.
 */
public record FundPosition(@Schema(maxLength = 64) String fundId, @ArraySchema(maxItems = 4) List<TierSum> tiers,
        BigDecimal pledgedWan, BigDecimal receivedWan, BigDecimal committedWan, BigDecimal availableWan) {

    /** One tier's contributions. */
    public record TierSum(Tier tier, BigDecimal pledgedWan, BigDecimal receivedWan) {
    }
}
