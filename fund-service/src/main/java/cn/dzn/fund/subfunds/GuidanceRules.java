package cn.dzn.fund.subfunds;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;

import cn.dzn.fund.money.Money;
import cn.dzn.platform.errors.FieldError;

/**
 * The guidance-fund rules a sub-fund is held to when it is proposed and again when it is
 * established (DOMAIN.md, "Funds"; the sub-funds of seed 003 §24): the guidance fund puts in 10
 * to 30% of the sub-fund and is never its largest investor. A tie with the largest other
 * investor counts as largest: "never the largest" leaves no room for "one of the largest".
 * All comparisons are exact.
 */
final class GuidanceRules {

    static final BigDecimal LEAST_SHARE = new BigDecimal("0.10");
    static final BigDecimal MOST_SHARE = new BigDecimal("0.30");

    private GuidanceRules() {
    }

    static void check(SubFundInput input, List<FieldError> errors) {
        BigDecimal others = input.investors().stream().map(Investor::amountWan).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal size = input.guidanceWan().add(others);
        if (size.compareTo(input.sizeWan()) != 0) {
            errors.add(new FieldError("sizeWan", "the size is the guidance part plus every investor's: "
                    + Money.text(size) + ", not " + Money.text(input.sizeWan())));
            return;
        }
        BigDecimal guidance = input.guidanceWan();
        if (guidance.compareTo(size.multiply(LEAST_SHARE)) < 0 || guidance.compareTo(size.multiply(MOST_SHARE)) > 0) {
            errors.add(new FieldError("guidanceWan", "the guidance fund puts in 10% to 30% of a sub-fund; "
                    + Money.text(guidance) + " of " + Money.text(size) + " is "
                    + guidance.multiply(BigDecimal.valueOf(100)).divide(size, 2, RoundingMode.HALF_UP).toPlainString()
                    + "%"));
        }
        Investor largest = input.investors().stream().max(Comparator.comparing(Investor::amountWan)).orElseThrow();
        if (guidance.compareTo(largest.amountWan()) >= 0) {
            errors.add(new FieldError("guidanceWan", "the guidance fund is never the largest investor; "
                    + Money.text(guidance) + " is not below " + largest.name() + "'s " + Money.text(largest.amountWan())));
        }
    }
}
