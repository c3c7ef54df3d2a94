package cn.dzn.fund.subfunds;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.dzn.platform.errors.FieldError;

/**
 * The guidance-fund rules (DOMAIN.md, "Funds"; sub-funds of seed 003 §24) at, just below and just
 * above each bound, exactly: a share of 10% to 30%, never the largest investor.
 */
class GuidanceRulesTest {

    @ParameterizedTest(name = "guidance {0} + investors {1} = size {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            10        | 60 30                 | 100        | ok
            9.999999  | 60.000001 30          | 100        | guidanceWan: the guidance fund puts in 10% to 30%
            30        | 40 30                 | 100        | ok
            30.000001 | 40 29.999999          | 100        | guidanceWan: the guidance fund puts in 10% to 30%
            25        | 25 25 25              | 100        | guidanceWan: the guidance fund is never the largest investor
            25        | 25.000001 24.999999 25 | 100       | ok
            25.000001 | 25 24.999999 25       | 100        | guidanceWan: the guidance fund is never the largest investor
            20        | 50 30                 | 100.000001 | sizeWan: the size is the guidance part plus every investor's
            """)
    void aSubFundKeepsTheGuidanceShareAndIsNeverLedByTheGuidanceFund(String guidance, String investors, String size,
            String expected) {
        List<Investor> others = new ArrayList<>();
        for (String amount : investors.trim().split(" +")) {
            others.add(new Investor("出资人" + others.size(), new BigDecimal(amount)));
        }
        SubFundInput input = new SubFundInput("f", "子基金", "440100", new BigDecimal(size), new BigDecimal(guidance),
                others, null, null, null, null);
        List<FieldError> errors = new ArrayList<>();

        GuidanceRules.check(input, errors);

        if (expected.equals("ok")) {
            assertThat(errors).isEmpty();
        } else {
            assertThat(errors).extracting(error -> error.field() + ": " + error.message())
                    .anySatisfy(found -> assertThat(found).startsWith(expected));
        }
    }
}
