package cn.dzn.fund.funds;

import static com.mongodb.client.model.Filters.eq;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.dzn.fund.money.Ledger;
import cn.dzn.fund.money.Money;
import cn.dzn.fund.money.OwnWrites;
import cn.dzn.platform.errors.Problems;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.resources.RecordResult;
import cn.dzn.platform.resources.RecordStore;
import cn.dzn.platform.web.IfMatch;

/**
 * A fund's money: its contributions are received into the ledger, and its sub-funds take their
 * guidance part from there, never more than it holds. What other features ask of funds.
 */
@Service
public class FundService {

    private final RecordStore<FundInput, Fund> funds;
    private final RecordStore<ContributionInput, Contribution> contributions;
    private final Ledger ledger;

    FundService(RecordStore<FundInput, Fund> funds, RecordStore<ContributionInput, Contribution> contributions,
            Ledger ledger) {
        this.funds = funds;
        this.contributions = contributions;
        this.ledger = ledger;
    }

    public Optional<Fund> lookup(String id) {
        return funds.lookup(id);
    }

    /**
     * Commits {@code fen} of fund {@code fundId}'s money to {@code entry} (a sub-fund), once, or
     * nothing when the fund no longer holds that much.
     */
    public Ledger.Move commit(String fundId, String entry, long fen) {
        return ledger.take(account(fundId), entry, fen);
    }

    public void release(String fundId, String entry) {
        ledger.release(account(fundId), entry);
    }

    /**
     * Marks a pledged contribution received and puts its money into the fund. The record is
     * written first: should the service stop before the money is in, the fund holds less than it
     * may (never more), and receiving again puts it in. Judged as the kit judges a write: 404
     * for a contribution the caller does not see, 403, 428 without the version read, then 409.
     */
    public Contribution receive(Caller caller, String id, String ifMatch) {
        Contribution contribution = contributions.get(caller, id);
        caller.requireWrite(contribution.regionCode());
        long version = IfMatch.version(ifMatch, null);
        if (contribution.status() == ContributionStatus.RECEIVED) {
            putIn(contribution);
            throw OwnWrites.conflict("already-received", "contribution " + id + " was received at "
                    + contribution.updatedAt() + "; a contribution is received once");
        }
        if (contribution.version() != version) {
            throw Problems.staleVersion(version, contribution.version());
        }
        if (funds.lookup(contribution.fundId()).isEmpty()) {
            throw OwnWrites.conflict("no-fund", "fund " + contribution.fundId() + " no longer exists");
        }
        RecordResult result = OwnWrites.write(contributions, caller, id, version, contribution.input().received());
        if (!result.outcome().wrote()) {
            throw OwnWrites.refusal(result, version);
        }
        putIn(contribution);
        return contributions.get(caller, id);
    }

    public FundPosition position(Caller caller, String id) {
        Fund fund = funds.get(caller, id);
        List<FundPosition.TierSum> tiers = new ArrayList<>();
        BigDecimal pledged = BigDecimal.ZERO;
        List<Contribution> all = contributions.liveRecords(eq("fundId", fund.id()));
        for (Tier tier : Tier.values()) {
            BigDecimal tierPledged = sum(all, tier, null);
            tiers.add(new FundPosition.TierSum(tier, tierPledged, sum(all, tier, ContributionStatus.RECEIVED)));
            pledged = pledged.add(tierPledged);
        }
        Ledger.Account account = ledger.read(account(fund.id()));
        return new FundPosition(fund.id(), tiers, pledged, Money.wan(account.addedFen()), Money.wan(account.usedFen()),
                Money.wan(account.availableFen()));
    }

    static String account(String fundId) {
        return "fund:" + fundId;
    }

    private void putIn(Contribution contribution) {
        ledger.add(account(contribution.fundId()), "contribution:" + contribution.id(),
                Money.fen(contribution.amountWan()));
    }

    private static BigDecimal sum(List<Contribution> contributions, Tier tier, ContributionStatus status) {
        return contributions.stream().filter(c -> c.tier() == tier && (status == null || c.status() == status))
                .map(Contribution::amountWan).reduce(Money.wan(0), BigDecimal::add);
    }
}
