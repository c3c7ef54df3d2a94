package cn.dzn.zone.annual;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.dzn.zone.evaluation.SelfEvaluation;
import cn.dzn.zone.indicators.Indicator;
import cn.dzn.zone.indicators.IndicatorCatalog;
import cn.dzn.zone.zones.ZoneInput;

/** The Markdown's length the document states holds for the longest report the limits allow. */
class AnnualReportMarkdownTest {

    /**
     * Every text at its limit, and figures at their extremes: a ratio of the largest numerators
     * (10^15 from each of thousands of cities), scaled by a million, over the smallest denominator,
     * and a change from the smallest such ratio to it.
     */
    @Test
    void theLongestReportStaysWithinTheStatedLength() {
        BigDecimal largest = new BigDecimal("999999999999999.9999").multiply(BigDecimal.valueOf(336_600))
                .multiply(BigDecimal.valueOf(1_000_000)).divide(new BigDecimal("0.0001"), MathContext.DECIMAL128)
                .negate();
        BigDecimal smallest = new BigDecimal("0.0001").multiply(new BigDecimal("0.0001"))
                .divide(new BigDecimal("999999999999999.9999").multiply(BigDecimal.valueOf(336_600)),
                        MathContext.DECIMAL128);
        BigDecimal change = largest.divide(smallest, MathContext.DECIMAL64).subtract(BigDecimal.ONE);
        Map<String, BigDecimal> quarters = new LinkedHashMap<>();
        for (int quarter = 1; quarter <= 4; quarter++) {
            quarters.put("Q" + quarter, largest);
        }
        List<AnnualReport.Line> lines = new ArrayList<>();
        for (int i = 0; i < IndicatorCatalog.MAX_INDICATORS; i++) {
            lines.add(new AnnualReport.Line("x".repeat(Indicator.MAX_CODE), "名".repeat(Indicator.MAX_NAME),
                    "单".repeat(Indicator.MAX_UNIT), largest, largest, change, quarters));
        }
        List<CaseStudy> cases = Collections.nCopies(CaseCollection.MAX_PER_REPORT, new CaseStudy("c".repeat(24),
                "z".repeat(64), 2100, "题".repeat(CaseStudy.MAX_TITLE), "文".repeat(CaseStudy.MAX_SUMMARY), List.of()));
        AnnualReport report = new AnnualReport("z".repeat(64), "区".repeat(ZoneInput.MAX_NAME), "440000",
                Collections.nCopies(ZoneInput.MAX_MEMBERS, "440100"), 2100, lines,
                new AnnualReport.Standing(Integer.MAX_VALUE, Integer.MAX_VALUE, new BigDecimal("-100.00"),
                        new SelfEvaluation(new BigDecimal("99.99999999"), "s")), cases);

        String markdown = AnnualReportMarkdown.render(report);

        assertThat(change.movePointRight(2).setScale(1).toPlainString()).hasSizeLessThan(70);
        assertThat(markdown.length()).isLessThanOrEqualTo(AnnualReportMarkdown.MAX_LENGTH);
    }
}
