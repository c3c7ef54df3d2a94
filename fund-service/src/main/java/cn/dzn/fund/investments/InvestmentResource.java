package cn.dzn.fund.investments;

import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.client.model.Filters;

import cn.dzn.fund.money.OwnWrites;
import cn.dzn.fund.subfunds.SubFundService;
import cn.dzn.platform.errors.FieldError;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.resources.RecordStore;
import cn.dzn.platform.resources.ResourceDeclaration;
import cn.dzn.platform.resources.ResourceKit;

/**
 * Investments as a resource of the kit, at {@code /api/funds/investments}, in their sub-fund's
 * region; a client proposes them, the service commits them ({@link InvestmentService}).
 */
@Configuration
class InvestmentResource extends ResourceDeclaration<InvestmentInput, Investment> {

    private final SubFundService subFunds;

    InvestmentResource(SubFundService subFunds) {
        super("/api/funds/investments", "investments", InvestmentInput.class, Investment.class,
                InvestmentInput::regionCode);
        this.subFunds = subFunds;
    }

    @Bean
    RecordStore<InvestmentInput, Investment> investmentStore(ResourceKit kit) {
        return kit.store(this);
    }

    @Override
    public List<ListFilter> listFilters() {
        return List.of(ListFilter.of("subFundId"), ListFilter.of("zoneId"),
                ListFilter.of("status", InvestmentStatus.class));
    }

    /** Figures in 万元: what the sub-funds have committed to enterprises. */
    @Override
    public Map<String, Figure> figures() {
        return Map.of("fundsInvestedWan", Figure.sum("amountWan",
                Filters.eq("status", InvestmentStatus.COMMITTED.name())));
    }

    /** A sub-fund in another region is answered for as one that does not exist. */
    @Override
    public void checkReferences(InvestmentInput input, List<FieldError> errors) {
        boolean own = subFunds.lookup(input.subFundId()).map(s -> s.regionCode().equals(input.regionCode()))
                .orElse(false);
        if (!own) {
            errors.add(new FieldError("subFundId", "no sub-fund " + input.subFundId() + " in region "
                    + input.regionCode()));
        }
    }

    @Override
    public void checkChange(Caller caller, InvestmentInput stored, InvestmentInput input, List<FieldError> errors) {
        OwnWrites.guard(stored, input, stored == null ? null : stored.status(), input == null ? null : input.status(),
                InvestmentStatus.PROPOSED, "POST /api/funds/investments/{id}/commit", errors);
    }
}
