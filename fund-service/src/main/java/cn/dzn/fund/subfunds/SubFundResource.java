package cn.dzn.fund.subfunds;

import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.client.model.Filters;

import cn.dzn.fund.funds.FundService;
import cn.dzn.fund.money.OwnWrites;
import cn.dzn.platform.errors.FieldError;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.regions.RegionCode;
import cn.dzn.platform.resources.RecordStore;
import cn.dzn.platform.resources.ResourceDeclaration;
import cn.dzn.platform.resources.ResourceKit;

/**
 * Sub-funds as a resource of the kit, at {@code /api/funds/sub-funds}. A sub-fund lies inside its
 * fund's region and keeps the guidance-fund rules; a client proposes it, the service establishes
 * it ({@link SubFundService#establish}), after which it is final.
 */
@Configuration
class SubFundResource extends ResourceDeclaration<SubFundInput, SubFund> {

    private final FundService funds;

    SubFundResource(FundService funds) {
        super("/api/funds/sub-funds", "sub_funds", SubFundInput.class, SubFund.class, SubFundInput::regionCode);
        this.funds = funds;
    }

    @Bean
    RecordStore<SubFundInput, SubFund> subFundStore(ResourceKit kit) {
        return kit.store(this);
    }

    @Override
    public List<ListFilter> listFilters() {
        return List.of(ListFilter.of("fundId"), ListFilter.of("status", SubFundStatus.class));
    }

    /** Figures in 万元: the guidance parts the funds have committed to established sub-funds. */
    @Override
    public Map<String, Figure> figures() {
        return Map.of("fundsGuidanceCommittedWan", Figure.sum("guidanceWan",
                Filters.eq("status", SubFundStatus.ESTABLISHED.name())));
    }

    /** A fund outside the sub-fund's region is answered for as one that does not exist. */
    @Override
    public void check(SubFundInput input, List<FieldError> errors) {
        GuidanceRules.check(input, errors);
    }

    @Override
    public void checkReferences(SubFundInput input, List<FieldError> errors) {
        boolean covers = funds.lookup(input.fundId())
                .map(fund -> RegionCode.of(fund.regionCode()).contains(input.regionCode())).orElse(false);
        if (!covers) {
            errors.add(new FieldError("fundId", "no fund " + input.fundId() + " whose region contains "
                    + input.regionCode()));
        }
    }

    @Override
    public void checkChange(Caller caller, SubFundInput stored, SubFundInput input, List<FieldError> errors) {
        OwnWrites.guard(stored, input, stored == null ? null : stored.status(), input == null ? null : input.status(),
                SubFundStatus.PROPOSED, "POST /api/funds/sub-funds/{id}/establish", errors);
    }
}
