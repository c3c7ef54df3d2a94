package cn.dzn.fund.subfunds;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.dzn.fund.funds.FundService;
import cn.dzn.fund.money.Ledger;
import cn.dzn.fund.money.Money;
import cn.dzn.fund.money.OwnWrites;
import cn.dzn.platform.errors.FieldError;
import cn.dzn.platform.errors.Problems;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.resources.RecordResult;
import cn.dzn.platform.resources.RecordStore;
import cn.dzn.platform.web.IfMatch;

/**
 * Establishing a sub-fund commits the guidance part of its fund's money (never more than the fund
 * holds, however many sub-funds are established at once) and opens the sub-fund's own capacity,
 * its size, which its investments draw on. What other features ask of sub-funds.
 */
@Service
public class SubFundService {

    private final RecordStore<SubFundInput, SubFund> subFunds;
    private final FundService funds;
    private final Ledger ledger;

    SubFundService(RecordStore<SubFundInput, SubFund> subFunds, FundService funds, Ledger ledger) {
        this.subFunds = subFunds;
        this.funds = funds;
        this.ledger = ledger;
    }

    public Optional<SubFund> lookup(String id) {
        return subFunds.lookup(id);
    }

    public SubFund get(Caller caller, String id) {
        return subFunds.get(caller, id);
    }

    /**
     * The fund's money moves first, keyed by the sub-fund and the version read: should the
     * record then be refused (it changed meanwhile) the money goes back, and should the service
     * stop in between the fund has committed more than it needed (never more than it holds) and
     * establishing again at that version finds the money already moved. The sub-fund's own
     * capacity opens once it is established (again on any later attempt, should the service have
     * stopped before): until then its investments find no capacity.
     */
    public SubFund establish(Caller caller, String id, String ifMatch) {
        SubFund subFund = subFunds.get(caller, id);
        caller.requireWrite(subFund.regionCode());
        long version = IfMatch.version(ifMatch, null);
        if (subFund.status() == SubFundStatus.ESTABLISHED) {
            openCapacity(subFund);
            throw OwnWrites.conflict("already-established", "sub-fund " + id + " was established at "
                    + subFund.updatedAt());
        }
        if (subFund.version() != version) {
            throw Problems.staleVersion(version, subFund.version());
        }
        List<FieldError> errors = new ArrayList<>();
        GuidanceRules.check(subFund.input(), errors);
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        String entry = "sub-fund:" + id + "@" + version;
        long guidance = Money.fen(subFund.guidanceWan());
        Ledger.Move move = funds.commit(subFund.fundId(), entry, guidance);
        if (move.refused()) {
            throw OwnWrites.conflict("exceeds-capacity", "the guidance part of " + Money.text(guidance)
                    + " exceeds the remaining capacity of fund " + subFund.fundId() + ", "
                    + Money.text(move.account().availableFen()));
        }
        RecordResult result = OwnWrites.recordMove(move, subFunds, caller, id, version, subFund.input().established(),
                () -> lookup(id).map(now -> now.status() == SubFundStatus.ESTABLISHED).orElse(false),
                () -> funds.release(subFund.fundId(), entry));
        if (!result.outcome().wrote()) {
            throw OwnWrites.refusal(result, version);
        }
        openCapacity(subFund);
        return subFunds.get(caller, id);
    }

    /** Commits {@code fen} of an established sub-fund's size to {@code entry}, once, or nothing. */
    public Ledger.Move invest(String subFundId, String entry, long fen) {
        return ledger.take(account(subFundId), entry, fen);
    }

    public void release(String subFundId, String entry) {
        ledger.release(account(subFundId), entry);
    }

    /**
     * Takes {@code fen} of the part of the sub-fund's size that may go to firms without a publicly
     * funded result: the rest, {@link #publiclyFundedRequired}, is kept for firms with one. The
     * account is opened here on first use, so sub-funds established before the rule have it too.
     */
    public Ledger.Move investElsewhere(SubFund subFund, String entry, long fen) {
        ledger.open(elsewhereAccount(subFund.id()), Ledger.Limits.capacity(Money.fen(subFund.sizeWan()
                .subtract(publiclyFundedRequired(subFund)))));
        return ledger.take(elsewhereAccount(subFund.id()), entry, fen);
    }

    public void releaseElsewhere(String subFundId, String entry) {
        ledger.release(elsewhereAccount(subFundId), entry);
    }

    /**
     * What a sub-fund must invest in firms commercialising publicly funded results (DOMAIN.md,
     * guidance-fund sub-funds): at least three times the guidance part and at least half its size,
     * rounded up to the fen, since it is a minimum.
     */
    public static BigDecimal publiclyFundedRequired(SubFund subFund) {
        return subFund.guidanceWan().multiply(BigDecimal.valueOf(3)).max(subFund.sizeWan().divide(BigDecimal.valueOf(2)))
                .setScale(6, RoundingMode.UP);
    }

    public Ledger.Account capacity(String subFundId) {
        return ledger.read(account(subFundId));
    }

    private void openCapacity(SubFund subFund) {
        ledger.open(account(subFund.id()), Ledger.Limits.capacity(Money.fen(subFund.sizeWan())));
    }

    private static String account(String subFundId) {
        return "sub-fund:" + subFundId;
    }

    private static String elsewhereAccount(String subFundId) {
        return "sub-fund-elsewhere:" + subFundId;
    }
}
