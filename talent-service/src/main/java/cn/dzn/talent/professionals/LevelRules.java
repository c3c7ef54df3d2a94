package cn.dzn.talent.professionals;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import cn.dzn.talent.bases.Module;

/**
 * The rules for moving a professional up a level: pure, so every rule is tested on its own
 * (LevelRulesTest, one case per rule). Moving down, or staying, is a correction the bureau may
 * always make; only a raise is judged. A new record at a level above 初级 must show every step up
 * to it.
 */
public final class LevelRules {

    /** Each rule, with what it asks, as a refusal names it. */
    public enum Rule {
        ONE_STEP_AT_A_TIME("a level moves up one step at a time"),
        ONLY_ACTIVE_MOVE_UP("only an ACTIVE professional moves up"),
        INTERMEDIATE_NEEDS_TRAINING("中级 needs the 公共知识, 政策法规 and 实务技能 modules completed at a training base"),
        INTERMEDIATE_NEEDS_DEALS("中级 needs deals closed, each naming a technology-contract number"),
        SENIOR_NEEDS_TRAINING("高级 needs the 能力提升 module completed at a training base"),
        SENIOR_NEEDS_DEALS("高级 needs deals closed, each naming a technology-contract number");

        private final String text;

        Rule(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** What the professional has shown: modules completed at training bases, deals closed. */
    public record Evidence(Set<Module> modules, int deals) {
    }

    public record Violation(Rule rule, String message) {
    }

    static final Set<Module> BASIC = EnumSet.of(Module.PUBLIC_KNOWLEDGE, Module.POLICY_AND_LAW, Module.PRACTICAL_SKILLS);
    static final Set<Module> ADVANCED = EnumSet.of(Module.CAPABILITY_UPGRADE);

    private final LevelProperties properties;

    public LevelRules(LevelProperties properties) {
        this.properties = properties;
    }

    /** Why a professional stored at {@code from} (null: new) may not be at {@code to}; empty when it may. */
    public List<Violation> judge(Level from, Level to, ProfessionalStatus status, Evidence evidence) {
        List<Violation> violations = new ArrayList<>();
        int start = from == null ? Level.JUNIOR.ordinal() : from.ordinal();
        if (to.ordinal() <= start) {
            return violations;
        }
        if (status != ProfessionalStatus.ACTIVE) {
            violations.add(new Violation(Rule.ONLY_ACTIVE_MOVE_UP, Rule.ONLY_ACTIVE_MOVE_UP.text() + "; this one is " + status));
        }
        if (from != null && to.ordinal() - start > 1) {
            violations.add(new Violation(Rule.ONE_STEP_AT_A_TIME, Rule.ONE_STEP_AT_A_TIME.text() + ": "
                    + from.label() + " → " + Level.values()[start + 1].label() + " first"));
        }
        for (Level step : Level.values()) {
            if (step.ordinal() > start && step.ordinal() <= to.ordinal()) {
                requirements(step, evidence, violations);
            }
        }
        return violations;
    }

    private void requirements(Level step, Evidence evidence, List<Violation> violations) {
        boolean senior = step == Level.SENIOR;
        Set<Module> missing = EnumSet.copyOf(senior ? ADVANCED : BASIC);
        missing.removeAll(evidence.modules());
        if (!missing.isEmpty()) {
            Rule rule = senior ? Rule.SENIOR_NEEDS_TRAINING : Rule.INTERMEDIATE_NEEDS_TRAINING;
            violations.add(new Violation(rule, rule.text() + "; missing " + missing.stream().map(Module::label)
                    .collect(Collectors.joining(", "))));
        }
        int needed = senior ? properties.seniorDeals() : properties.intermediateDeals();
        if (evidence.deals() < needed) {
            Rule rule = senior ? Rule.SENIOR_NEEDS_DEALS : Rule.INTERMEDIATE_NEEDS_DEALS;
            violations.add(new Violation(rule, rule.text() + ": " + needed + " needed, " + evidence.deals() + " named"));
        }
    }
}
