package cn.dzn.fund.subsidies;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.bson.conversions.Bson;
import org.springframework.stereotype.Service;

import cn.dzn.fund.money.Ledger;
import cn.dzn.fund.money.Money;
import cn.dzn.fund.money.OwnWrites;
import cn.dzn.platform.errors.FieldError;
import cn.dzn.platform.errors.Problems;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.regions.RegionCode;
import cn.dzn.platform.regions.RegionFilters;
import cn.dzn.platform.web.Page;
import cn.dzn.platform.web.PageRequest;

/**
 * Deciding subsidy applications: the rule's formula, then its cap over applications, taken in the
 * ledger under the application's key before the decision is stored. Sent twice, or by two
 * clients at once, an application is decided once: the ledger gives its key what it took the
 * first time, and the store keeps the first decision under the key.
 */
@Service
class SubsidyService {

    /** An application, and whether this request decided it (rather than finding it decided). */
    record Applied(SubsidyApplication application, boolean created) {
    }

    private final RuleCatalogue rules;
    private final Applications applications;
    private final Ledger ledger;
    private final Clock clock;

    SubsidyService(RuleCatalogue rules, Applications applications, Ledger ledger, Clock clock) {
        this.rules = rules;
        this.applications = applications;
        this.ledger = ledger;
        this.clock = clock;
    }

    Applied apply(Caller caller, ApplicationInput input) {
        caller.requireWrite(input.regionCode());
        RuleCatalogue.Definition rule = rules.find(input.ruleId()).orElseThrow(() -> Problems.invalid(List.of(
                new FieldError("ruleId", "no rule " + input.ruleId() + "; GET /api/subsidies/rules lists them"))));
        checkInputs(rule, input);
        String id = rule.key().apply(input);
        SubsidyApplication existing = applications.find(id).orElse(null);
        if (existing == null) {
            SubsidyApplication decided = new SubsidyApplication(id, input, decide(rule, id, input), caller.clientId(),
                    clock.instant());
            if (applications.insert(decided)) {
                return new Applied(decided, true);
            }
            existing = applications.find(id).orElseThrow();
        }
        if (!existing.input().equals(input)) {
            throw OwnWrites.conflict("application-exists", "application " + id + " was made with other inputs; "
                    + rule.rule().sameApplication() + " is one application under " + rule.rule().clause());
        }
        return new Applied(existing, false);
    }

    SubsidyApplication get(Caller caller, String id) {
        return applications.find(id).filter(found -> caller.canSee(found.input().regionCode()))
                .orElseThrow(() -> Problems.notFound("application " + id));
    }

    Page<SubsidyApplication> list(Caller caller, String ruleId, Integer year, Decision.Status status,
            PageRequest page) {
        List<Bson> filters = new ArrayList<>(List.of(RegionFilters.inside("input.regionCode", caller.region())));
        if (ruleId != null) {
            filters.add(eq("input.ruleId", ruleId));
        }
        if (year != null) {
            filters.add(eq("input.year", year));
        }
        if (status != null) {
            filters.add(eq("decision.status", status.name()));
        }
        return applications.page(and(filters), page);
    }

    private Decision decide(RuleCatalogue.Definition rule, String id, ApplicationInput input) {
        RuleCatalogue.Computed computed = rule.formula().apply(input);
        List<String> reasoning = new ArrayList<>(computed.reasoning());
        BigDecimal amount = computed.amountWan();
        RuleCatalogue.Cap cap = rule.cap();
        if (amount.signum() > 0 && cap != null) {
            String account = cap.account().apply(input);
            ledger.open(account, cap.limits());
            long want = Money.fen(amount);
            Ledger.Move move = cap.partial() ? ledger.takeUpTo(account, id, want, input.year(), cap.windowYears())
                    : ledger.take(account, id, want, input.year(), cap.windowYears());
            if (move.fen() < want) {
                reasoning.add(cap.text() + ": " + (move.refused() ? refusal(move.account(), cap)
                        : "only " + Money.text(move.fen()) + " was left"));
            }
            amount = Money.wan(move.fen());
        }
        Decision.Status status = amount.signum() == 0 ? Decision.Status.REJECTED
                : computed.reduced() || amount.compareTo(computed.amountWan()) < 0 ? Decision.Status.REDUCED
                        : Decision.Status.GRANTED;
        reasoning.add(status == Decision.Status.REJECTED ? "nothing is granted" : "granted " + Money.text(amount));
        return new Decision(status, Money.normal(computed.askedWan()), amount, reasoning);
    }

    private static String refusal(Ledger.Account account, RuleCatalogue.Cap cap) {
        if (account.slots() < 1) {
            return "every grant it allows is made";
        }
        if (cap.windowYears() > 0 && account.from() != null) {
            return "the years run from " + account.from() + " to " + (account.from() + cap.windowYears() - 1);
        }
        return "nothing is left (" + Money.text(account.availableFen()) + ")";
    }

    /** Every input the rule needs is named, and none it does not take. */
    private static void checkInputs(RuleCatalogue.Definition rule, ApplicationInput input) {
        List<FieldError> errors = new ArrayList<>();
        if (!RegionCode.of(rule.rule().regionCode()).contains(input.regionCode())) {
            errors.add(new FieldError("regionCode", "rule " + rule.rule().id() + " is " + rule.rule().regionCode()
                    + "'s; " + input.regionCode() + " lies outside it"));
        }
        for (RuleCatalogue.Input field : RuleCatalogue.Input.values()) {
            boolean named = field.value.apply(input) != null;
            if (rule.required().contains(field) && !named) {
                errors.add(new FieldError(field.field, "rule " + rule.rule().id() + " needs it"));
            } else if (named && !rule.required().contains(field) && !rule.optional().contains(field)) {
                errors.add(new FieldError(field.field, "rule " + rule.rule().id() + " does not take it; it takes "
                        + RuleCatalogue.fields(rule.required())));
            }
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
    }
}
