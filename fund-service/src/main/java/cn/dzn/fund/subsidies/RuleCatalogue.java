package cn.dzn.fund.subsidies;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.dzn.fund.money.Ledger;
import cn.dzn.fund.money.Money;

/**
 * The subsidy rules of the Guangzhou plan (seed 001, 广州市促进科技成果转移转化行动方案(2018-2020年),
 * clauses numbered as in its 二、主要任务) and the Shenzhen plan (seed 002, 深府办〔2016〕30号, its
 * numbered tasks), each with the clause quoted, its formula and its caps. Caps an application
 * alone can meet are applied by the formula; caps over a year, an institution or a count of
 * recipients are kept in the ledger ({@link Cap}), so racing applications never exceed them.
 */
@Component
class RuleCatalogue {

    private static final String GUANGZHOU = "广州市促进科技成果转移转化行动方案(2018-2020年), seed 001";
    private static final String SHENZHEN = "深圳市促进科技成果转移转化实施方案, 深府办〔2016〕30号, seed 002";
    private static final BigDecimal FIFTY = new BigDecimal(50);
    private static final BigDecimal YI_IN_WAN = new BigDecimal(10000);

    /** The inputs a rule may take beyond applicant and year. */
    enum Input {
        CONTRACT_NO("contractNo", ApplicationInput::contractNo),
        RETAINED("retainedWan", ApplicationInput::retainedWan),
        REGISTERED_TURNOVER("registeredTurnoverWan", ApplicationInput::registeredTurnoverWan),
        CONTRACT_VALUE("contractValueWan", ApplicationInput::contractValueWan),
        REQUESTED("requestedWan", ApplicationInput::requestedWan),
        INDEPENDENT_LEGAL_ENTITY("independentLegalEntity", ApplicationInput::independentLegalEntity);

        final String field;
        final Function<ApplicationInput, Object> value;

        Input(String field, Function<ApplicationInput, Object> value) {
            this.field = field;
            this.value = value;
        }
    }

    /** What a formula gives, why, and whether a cap of its own took part of what was asked. */
    record Computed(BigDecimal askedWan, BigDecimal amountWan, boolean reduced, List<String> reasoning) {
    }

    /** A cap over applications: the ledger account it is kept in, and whether it grants what is left. */
    record Cap(Function<ApplicationInput, String> account, Ledger.Limits limits, int windowYears, boolean partial,
            String text) {
    }

    /** A rule: what the catalogue shows, the inputs it needs and may take, its formula and cap. */
    record Definition(SubsidyRule rule, Set<Input> required, Set<Input> optional,
            Function<ApplicationInput, String> key, Function<ApplicationInput, Computed> formula, Cap cap) {
    }

    private final Map<String, Definition> rules;

    RuleCatalogue() {
        List<Definition> all = List.of(guangzhou1(), guangzhou2(), guangzhou5(), guangzhou8(), shenzhen9(),
                shenzhen13());
        rules = all.stream().collect(Collectors.toMap(d -> d.rule().id(), d -> d, (a, b) -> a, LinkedHashMap::new));
    }

    List<SubsidyRule> all() {
        return rules.values().stream().map(Definition::rule).toList();
    }

    Optional<Definition> find(String id) {
        return Optional.ofNullable(rules.get(id));
    }

    private static Definition guangzhou1() {
        return new Definition(rule("guangzhou-1", "440100", "seed 001 §1", GUANGZHOU,
                "实施科技成果转移转化示范机构建设计划……市财政科技经费连续三年每年给予50万元经费支持",
                "科技成果转移转化示范机构建设 (a university's or institute's demonstration institution)",
                "50万元 a year", List.of("one grant per institution and year",
                        "three years in a row at most, counted from the institution's first granted year"),
                List.of(), "the same institution and year"),
                Set.of(), Set.of(), in -> in.ruleId() + "." + in.applicantCode() + "." + in.year(),
                in -> fixed(FIFTY, "seed 001 §1: 50万元 a year to a demonstration institution"),
                new Cap(in -> "guangzhou-1:" + in.applicantCode(), Ledger.Limits.entries(3), 3, false,
                        "seed 001 §1: 连续三年 — three years in a row from the first granted year"));
    }

    private static Definition guangzhou2() {
        return new Definition(rule("guangzhou-2", "440100", "seed 001 §2", GUANGZHOU,
                "高校或科研机构留成部分由市科技创新发展专项资金给予补助，每家试点单位每年不超过 1000 万元",
                "科技成果收益奖励补助 (the part of a pilot unit's transfer income it retained)",
                "the retained part of the income (留成部分), subsidised in full",
                List.of("at most 1000万元 per pilot unit and year, over all its applications"),
                List.of("contractNo", "retainedWan"), "the same unit, year and contract"),
                Set.of(Input.CONTRACT_NO, Input.RETAINED), Set.of(),
                in -> in.ruleId() + "." + in.applicantCode() + "." + in.year() + "." + in.contractNo(),
                in -> fixed(in.retainedWan(), "seed 001 §2: the retained part, " + Money.text(in.retainedWan())
                        + ", is subsidised"),
                new Cap(in -> "guangzhou-2:" + in.applicantCode() + ":" + in.year(),
                        Ledger.Limits.capacity(Money.fen(new BigDecimal(1000))), 0, true,
                        "seed 001 §2: 每年不超过1000万元 — at most 1000万元 per unit a year"));
    }

    private static Definition guangzhou5() {
        return new Definition(rule("guangzhou-5", "440100", "seed 001 §5", GUANGZHOU,
                "每年支持不超过20家科技服务示范机构建设，每家补助经费50万元",
                "科技服务示范机构建设 (a demonstration science and technology service institution)",
                "50万元 per institution", List.of("at most 20 institutions a year",
                        "one grant per institution and year"), List.of(), "the same institution and year"),
                Set.of(), Set.of(), in -> in.ruleId() + "." + in.applicantCode() + "." + in.year(),
                in -> fixed(FIFTY, "seed 001 §5: 50万元 per institution"),
                new Cap(in -> "guangzhou-5:" + in.year(), Ledger.Limits.entries(20), 0, false,
                        "seed 001 §5: 每年支持不超过20家 — at most 20 institutions a year"));
    }

    private static Definition guangzhou8() {
        return new Definition(rule("guangzhou-8", "440100", "seed 001 §8", GUANGZHOU,
                "实行技术合同登记服务奖补制度，按每亿元交易额 0.5 万元的比例，确定年度技术合同登记服务奖补资金总额",
                "技术合同登记服务奖补 (a technology-contract registration institution)",
                "0.5万元 per 亿元 (10000万元) of contract turnover registered in the year, rounded down to the fen",
                List.of("one grant per registration institution and year; the clause sets no amount cap"),
                List.of("registeredTurnoverWan"), "the same institution and year"),
                Set.of(Input.REGISTERED_TURNOVER), Set.of(),
                in -> in.ruleId() + "." + in.applicantCode() + "." + in.year(), in -> {
                    BigDecimal amount = Money.floor(in.registeredTurnoverWan().divide(YI_IN_WAN)
                            .multiply(new BigDecimal("0.5")));
                    return fixed(amount, "seed 001 §8: 0.5万元 per 亿元 of registered turnover: "
                            + Money.text(in.registeredTurnoverWan()) + " → " + Money.text(amount));
                }, null);
    }

    private static Definition shenzhen9() {
        return new Definition(rule("shenzhen-9", "440300", "seed 002 §9", SHENZHEN,
                "对于承担军工科研项目的企业按照项目合同金额给予最高 35% 的资助，最高资助 500 万元",
                "军民融合 (an enterprise undertaking a defence research project)",
                "what is asked (35% of the contract value when nothing is asked), capped",
                List.of("at most 35% of the project contract's value", "at most 500万元 per project",
                        "one grant per project contract"),
                List.of("contractNo", "contractValueWan", "requestedWan (optional)"), "the same project contract"),
                Set.of(Input.CONTRACT_NO, Input.CONTRACT_VALUE), Set.of(Input.REQUESTED),
                in -> in.ruleId() + "." + in.contractNo(), RuleCatalogue::shenzhen9Amount, null);
    }

    private static Computed shenzhen9Amount(ApplicationInput in) {
        BigDecimal share = Money.floor(in.contractValueWan().multiply(new BigDecimal("0.35")));
        BigDecimal asked = in.requestedWan() == null ? share : in.requestedWan();
        List<String> reasoning = new ArrayList<>(List.of("seed 002 §9: asked " + Money.text(asked)
                + (in.requestedWan() == null ? " (35% of the contract value)" : "")));
        BigDecimal amount = asked;
        if (amount.compareTo(share) > 0) {
            amount = share;
            reasoning.add("seed 002 §9: 最高35% — at most 35% of the contract value "
                    + Money.text(in.contractValueWan()) + ", " + Money.text(share));
        }
        BigDecimal most = new BigDecimal(500);
        if (amount.compareTo(most) > 0) {
            amount = Money.normal(most);
            reasoning.add("seed 002 §9: 最高资助500万元 — at most 500万元 a project");
        }
        return new Computed(asked, amount, amount.compareTo(asked) < 0, reasoning);
    }

    private static Definition shenzhen13() {
        return new Definition(rule("shenzhen-13", "440300", "seed 002 §13", SHENZHEN,
                "支持境外机构在我市设立具有独立法人资格、符合我市产业发展需求的技术转移机构，根据有关规定，政府给予最高 1000 万元研发资助",
                "境外机构在深设立技术转移机构 (a technology-transfer institution a foreign body set up)",
                "the R&D funding asked, for an institution with its own legal personality",
                List.of("at most 1000万元 per institution, over all its applications"),
                List.of("requestedWan", "independentLegalEntity"), "the same institution and year"),
                Set.of(Input.REQUESTED, Input.INDEPENDENT_LEGAL_ENTITY), Set.of(),
                in -> in.ruleId() + "." + in.applicantCode() + "." + in.year(), in -> {
                    if (!in.independentLegalEntity()) {
                        return new Computed(in.requestedWan(), Money.wan(0), false, List.of("seed 002 §13: "
                                + "具有独立法人资格 — only an institution with its own legal personality"));
                    }
                    return fixed(in.requestedWan(), "seed 002 §13: asked " + Money.text(in.requestedWan()));
                }, new Cap(in -> "shenzhen-13:" + in.applicantCode(),
                        Ledger.Limits.capacity(Money.fen(new BigDecimal(1000))), 0, true,
                        "seed 002 §13: 最高1000万元 — at most 1000万元 per institution"));
    }

    private static SubsidyRule rule(String id, String region, String clause, String document, String quote,
            String title, String formula, List<String> caps, List<String> inputs, String same) {
        return new SubsidyRule(id, region, clause, document, quote, title, formula, caps, inputs, same);
    }

    private static Computed fixed(BigDecimal amount, String why) {
        return new Computed(amount, Money.normal(amount), false, List.of(why));
    }

    static String fields(Set<Input> inputs) {
        return Arrays.stream(Input.values()).filter(inputs::contains).map(input -> input.field)
                .collect(Collectors.joining(", "));
    }
}
