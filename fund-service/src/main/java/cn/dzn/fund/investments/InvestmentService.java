package cn.dzn.fund.investments;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.bson.types.ObjectId;
import org.springframework.stereotype.Service;

import cn.dzn.fund.Patterns;
import cn.dzn.fund.money.Ledger;
import cn.dzn.fund.money.Money;
import cn.dzn.fund.money.OwnWrites;
import cn.dzn.fund.subfunds.SubFund;
import cn.dzn.fund.subfunds.SubFundService;
import cn.dzn.fund.subfunds.SubFundStatus;
import cn.dzn.platform.errors.FieldError;
import cn.dzn.platform.errors.Problems;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.resources.Outcome;
import cn.dzn.platform.resources.RecordResult;
import cn.dzn.platform.resources.RecordStore;
import cn.dzn.platform.web.IfMatch;

/**
 * Committing investments against an established sub-fund's size: the sub-fund's capacity moves
 * first, keyed by the investment (and the version read), then the investment is recorded; a
 * sub-fund never commits more than its size, however many commitments race.
 */
@Service
class InvestmentService {

    /** The investment, and whether this request made it (rather than finding it made). */
    record Committed(Investment investment, boolean created) {
    }

    private final RecordStore<InvestmentInput, Investment> investments;
    private final SubFundService subFunds;

    InvestmentService(RecordStore<InvestmentInput, Investment> investments, SubFundService subFunds) {
        this.investments = investments;
        this.subFunds = subFunds;
    }

    /** Commits a proposed investment at the version read. */
    Committed commit(Caller caller, String id, String ifMatch) {
        Investment investment = investments.get(caller, id);
        caller.requireWrite(investment.regionCode());
        long version = IfMatch.version(ifMatch, null);
        if (investment.status() == InvestmentStatus.COMMITTED) {
            throw OwnWrites.conflict("already-committed", "investment " + id + " was committed at "
                    + investment.updatedAt());
        }
        if (investment.version() != version) {
            throw Problems.staleVersion(version, investment.version());
        }
        SubFund subFund = subFunds.lookup(investment.subFundId()).orElseThrow(() -> OwnWrites.conflict("no-sub-fund",
                "sub-fund " + investment.subFundId() + " no longer exists"));
        return commit(caller, subFund, id, version, investment.input());
    }

    /**
     * Commits a new investment from the sub-fund. With an idempotency key the same request sent
     * again is the same investment (its id is made from the key): it is answered, not made twice.
     */
    Committed commitNew(Caller caller, String subFundId, String idempotencyKey, InvestmentInput input) {
        SubFund subFund = subFunds.get(caller, subFundId);
        caller.requireWrite(subFund.regionCode());
        if (!subFundId.equals(input.subFundId()) || !subFund.regionCode().equals(input.regionCode())) {
            throw Problems.invalid(List.of(new FieldError("subFundId", "must be the sub-fund of the path, "
                    + subFundId + ", and regionCode its region, " + subFund.regionCode())));
        }
        if (idempotencyKey != null && !idempotencyKey.matches(Patterns.REFERENCE)) {
            throw Problems.invalid(List.of(new FieldError("Idempotency-Key", "must be 1 to 40 letters, digits or '-'")));
        }
        String id = idempotencyKey == null ? new ObjectId().toHexString()
                : "inv-" + digest(caller.clientId() + "\n" + subFundId + "\n" + idempotencyKey);
        return commit(caller, subFund, id, null, input);
    }

    SubFundPosition position(Caller caller, String subFundId) {
        SubFund subFund = subFunds.get(caller, subFundId);
        Ledger.Account capacity = subFunds.capacity(subFundId);
        boolean open = subFund.status() == SubFundStatus.ESTABLISHED && capacity.slots() > 0;
        BigDecimal publiclyFunded = investments.liveRecords(and(eq("subFundId", subFundId),
                eq("status", InvestmentStatus.COMMITTED.name()), eq("publiclyFundedResult", true))).stream()
                .map(Investment::amountWan).reduce(Money.wan(0), BigDecimal::add);
        BigDecimal required = SubFundService.publiclyFundedRequired(subFund);
        return new SubFundPosition(subFundId, subFund.sizeWan(), Money.wan(capacity.usedFen()),
                open ? Money.wan(capacity.availableFen()) : Money.wan(0), publiclyFunded, required);
    }

    private Committed commit(Caller caller, SubFund subFund, String id, Long version, InvestmentInput input) {
        if (subFund.status() != SubFundStatus.ESTABLISHED) {
            throw OwnWrites.conflict("sub-fund-not-established", "sub-fund " + subFund.id() + " is "
                    + subFund.status() + "; it invests once it is established");
        }
        long fen = Money.fen(input.amountWan());
        String entry = "investment:" + id + "@" + (version == null ? 0 : version);
        boolean elsewhere = !input.publiclyFundedResult();
        if (elsewhere) {
            takeElsewhere(subFund, entry, fen);
        }
        Ledger.Move move = subFunds.invest(subFund.id(), entry, fen);
        if (move.refused()) {
            if (elsewhere) {
                subFunds.releaseElsewhere(subFund.id(), entry);
            }
            throw OwnWrites.conflict("exceeds-capacity", Money.text(fen) + " exceeds the remaining capacity of "
                    + "sub-fund " + subFund.id() + ", " + Money.text(move.account().availableFen()));
        }
        if (move.fen() != fen) {
            throw OwnWrites.conflict("key-reused", "this idempotency key committed " + Money.text(move.fen())
                    + " already; a new commitment needs a new key");
        }
        RecordResult result = OwnWrites.recordMove(move, investments, caller, id, version, input.committed(),
                () -> investments.lookup(id).map(now -> now.status() == InvestmentStatus.COMMITTED).orElse(false),
                () -> {
                    subFunds.release(subFund.id(), entry);
                    subFunds.releaseElsewhere(subFund.id(), entry);
                });
        if (!result.outcome().wrote() && result.outcome() != Outcome.UNCHANGED) {
            throw OwnWrites.refusal(result, version);
        }
        return new Committed(investments.get(caller, id), result.outcome() == Outcome.CREATED);
    }

    /**
     * An investment in a firm without a publicly funded result takes its amount from what the
     * sub-fund may invest elsewhere first, so racing commitments never eat into the part kept for
     * publicly funded results (DOMAIN.md: three times the guidance part, half the size).
     */
    private void takeElsewhere(SubFund subFund, String entry, long fen) {
        Ledger.Move elsewhere = subFunds.investElsewhere(subFund, entry, fen);
        if (elsewhere.refused()) {
            throw OwnWrites.conflict("publicly-funded-share", Money.text(fen) + " for a firm without a publicly "
                    + "funded result exceeds what sub-fund " + subFund.id() + " may still invest in such firms, "
                    + Money.text(elsewhere.account().availableFen()) + ": at least "
                    + Money.text(SubFundService.publiclyFundedRequired(subFund)) + " (three times the guidance part "
                    + "and half the size) is kept for firms commercialising publicly funded results");
        }
        if (elsewhere.fen() != fen) {
            throw OwnWrites.conflict("key-reused", "this idempotency key committed " + Money.text(elsewhere.fen())
                    + " already; a new commitment needs a new key");
        }
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
