package cn.dzn.zone.annual;

import java.math.BigDecimal;
import java.math.RoundingMode;

import cn.dzn.zone.indicators.Indicator;
import cn.dzn.zone.indicators.IndicatorCatalog;
import cn.dzn.zone.zones.ZoneInput;

/** The readable rendering of an {@link AnnualReport}, in Markdown. */
final class AnnualReportMarkdown {

    /**
     * The most characters a figure takes: figures are rounded to four decimals, and even a change
     * in percent between the largest and the smallest ratio reports allow stays under 70.
     */
    private static final int FIGURE = 100;

    /**
     * The longest rendering, from the limits of what it repeats: the zone's name and members, a
     * line per indicator (name, unit and seven figures), the cases of the year with their title
     * and summary, and 1,000 for the fixed text and the standing. The document states it, and
     * {@link #render} fails rather than pass it.
     */
    static final int MAX_LENGTH = 1_000 + ZoneInput.MAX_NAME + ZoneInput.MAX_MEMBERS * 7
            + IndicatorCatalog.MAX_INDICATORS * (Indicator.MAX_NAME + Indicator.MAX_UNIT + 7 * FIGURE + 40)
            + CaseCollection.MAX_PER_REPORT * (CaseStudy.MAX_TITLE + CaseStudy.MAX_SUMMARY + 10);

    private AnnualReportMarkdown() {
    }

    static String render(AnnualReport report) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(report.name()).append(" ").append(report.year()).append("年度发展报告\n\n");
        md.append("牵头地区 ").append(report.regionCode()).append("；成员城市 ")
                .append(String.join("、", report.memberCities())).append("\n\n");
        md.append("## 主要指标\n\n| 指标 | 单位 | ").append(report.year()).append(" | ").append(report.year() - 1)
                .append(" | 变化 | 季度 |\n|---|---|---|---|---|---|\n");
        for (AnnualReport.Line line : report.indicators()) {
            md.append("| ").append(line.name()).append(" | ").append(line.unit()).append(" | ")
                    .append(plain(line.value())).append(" | ").append(plain(line.previous())).append(" | ")
                    .append(line.change() == null ? "—" : percent(line.change())).append(" | ");
            line.quarters().forEach((quarter, value) -> md.append(quarter).append(' ').append(plain(value)).append(' '));
            md.append("|\n");
        }
        md.append("\n## 评价\n\n");
        if (report.standing() == null) {
            md.append("本年度尚无评价方案。\n");
        } else {
            md.append("全国排名 ").append(report.standing().rank()).append(" / ").append(report.standing().of())
                    .append("，得分 ").append(plain(report.standing().score())).append("。");
            if (report.standing().selfEvaluation() != null) {
                md.append("自评价得分 ").append(plain(report.standing().selfEvaluation().score())).append("。");
            }
            md.append('\n');
        }
        md.append("\n## 典型案例\n\n");
        if (report.cases().isEmpty()) {
            md.append("（无）\n");
        }
        report.cases().forEach(study -> md.append("### ").append(study.title()).append("\n\n").append(study.summary())
                .append("\n\n"));
        if (md.length() > MAX_LENGTH) {
            throw new IllegalStateException(md.length() + " characters of Markdown, more than the " + MAX_LENGTH
                    + " the API states");
        }
        return md.toString();
    }

    private static String plain(BigDecimal value) {
        return value == null ? "—" : value.setScale(Math.min(Math.max(value.scale(), 0), 4), RoundingMode.HALF_EVEN)
                .stripTrailingZeros().toPlainString();
    }

    private static String percent(BigDecimal change) {
        return change.movePointRight(2).setScale(1, RoundingMode.HALF_EVEN).toPlainString() + "%";
    }
}
