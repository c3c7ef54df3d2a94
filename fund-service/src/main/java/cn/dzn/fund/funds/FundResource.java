package cn.dzn.fund.funds;

import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.dzn.fund.money.Ledger;
import cn.dzn.fund.money.Money;
import cn.dzn.platform.errors.FieldError;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.resources.RecordStore;
import cn.dzn.platform.resources.ResourceDeclaration;
import cn.dzn.platform.resources.ResourceKit;

/**
 * Funds as a resource of the kit (docs/sync.md), at {@code /api/funds}; the kit's figures count
 * them as {@code funds}. The paths of the contributions, sub-funds and investments beneath
 * {@code /api/funds} are reserved ids.
 */
@Configuration
class FundResource extends ResourceDeclaration<FundInput, Fund> {

    private final Ledger ledger;

    FundResource(Ledger ledger) {
        super("/api/funds", "funds", FundInput.class, Fund.class, FundInput::regionCode);
        this.ledger = ledger;
    }

    @Bean
    RecordStore<FundInput, Fund> fundStore(ResourceKit kit) {
        return kit.store(this);
    }

    @Override
    public Set<String> reservedIds() {
        return Set.of("contributions", "sub-funds", "investments");
    }

    @Override
    public List<ListFilter> listFilters() {
        return List.of(ListFilter.of("kind", FundKind.class));
    }

    /**
     * A fund that has received money is not deleted, by the API or by sync: its contributions,
     * sub-funds and investments would point at nothing and its money would leave every figure.
     */
    @Override
    public void checkChange(Caller caller, String id, FundInput stored, FundInput input, List<FieldError> errors) {
        if (stored != null && input != null && stored.kind() != input.kind()) {
            errors.add(new FieldError("kind", "a fund's kind does not change"));
        }
        if (stored != null && input == null) {
            Ledger.Account account = ledger.read(FundService.account(id));
            if (account.addedFen() > 0) {
                errors.add(new FieldError("", "fund " + id + " has received " + Money.text(account.addedFen())
                        + " and is not deleted; its money stays accounted for"));
            }
        }
    }
}
