package cn.dzn.fund.funds;

import java.util.List;
import java.util.Map;

import org.bson.Document;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.dzn.fund.money.OwnWrites;
import cn.dzn.platform.errors.FieldError;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.resources.RecordStore;
import cn.dzn.platform.resources.ResourceDeclaration;
import cn.dzn.platform.resources.ResourceKit;

/**
 * Contributions as a resource of the kit, at {@code /api/funds/contributions}: each tier's part
 * of a fund is a record of its own (seed 002 §24), in its fund's region. A client pledges; the
 * service receives ({@link FundService#receive}), after which a contribution is final.
 */
@Configuration
class ContributionResource extends ResourceDeclaration<ContributionInput, Contribution> {

    private final RecordStore<FundInput, Fund> funds;

    ContributionResource(RecordStore<FundInput, Fund> funds) {
        super("/api/funds/contributions", "fund_contributions", ContributionInput.class, Contribution.class,
                ContributionInput::regionCode);
        this.funds = funds;
    }

    @Bean
    RecordStore<ContributionInput, Contribution> contributionStore(ResourceKit kit) {
        return kit.store(this);
    }

    @Override
    public List<ListFilter> listFilters() {
        return List.of(ListFilter.of("fundId"), ListFilter.of("tier", Tier.class),
                ListFilter.of("status", ContributionStatus.class));
    }

    /** Figures in 万元: what the tiers have committed to the funds (pledged and received). */
    @Override
    public Map<String, Figure> figures() {
        return Map.of("fundsCommittedWan", Figure.sum("amountWan", new Document()));
    }

    /** A fund in another region is answered for as one that does not exist. */
    @Override
    public void checkReferences(ContributionInput input, List<FieldError> errors) {
        boolean ownFund = funds.lookup(input.fundId()).map(fund -> fund.regionCode().equals(input.regionCode()))
                .orElse(false);
        if (!ownFund) {
            errors.add(new FieldError("fundId", "no fund " + input.fundId() + " in region " + input.regionCode()));
        }
    }

    @Override
    public void checkChange(Caller caller, ContributionInput stored, ContributionInput input, List<FieldError> errors) {
        OwnWrites.guard(stored, input, stored == null ? null : stored.status(), input == null ? null : input.status(),
                ContributionStatus.PLEDGED, "POST /api/funds/contributions/{id}/receive", errors);
    }
}
