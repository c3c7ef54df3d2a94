package cn.dzn.talent.professionals;

import static cn.dzn.talent.bases.Module.CAPABILITY_UPGRADE;
import static cn.dzn.talent.bases.Module.POLICY_AND_LAW;
import static cn.dzn.talent.bases.Module.PRACTICAL_SKILLS;
import static cn.dzn.talent.bases.Module.PUBLIC_KNOWLEDGE;
import static cn.dzn.talent.professionals.Level.INTERMEDIATE;
import static cn.dzn.talent.professionals.Level.JUNIOR;
import static cn.dzn.talent.professionals.Level.SENIOR;
import static cn.dzn.talent.professionals.LevelRules.Rule.INTERMEDIATE_NEEDS_DEALS;
import static cn.dzn.talent.professionals.LevelRules.Rule.INTERMEDIATE_NEEDS_TRAINING;
import static cn.dzn.talent.professionals.LevelRules.Rule.ONE_STEP_AT_A_TIME;
import static cn.dzn.talent.professionals.LevelRules.Rule.ONLY_ACTIVE_MOVE_UP;
import static cn.dzn.talent.professionals.LevelRules.Rule.SENIOR_NEEDS_DEALS;
import static cn.dzn.talent.professionals.LevelRules.Rule.SENIOR_NEEDS_TRAINING;
import static cn.dzn.talent.professionals.ProfessionalStatus.ACTIVE;
import static cn.dzn.talent.professionals.ProfessionalStatus.LEFT;
import static cn.dzn.talent.professionals.ProfessionalStatus.SUSPENDED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import cn.dzn.talent.bases.Module;

/**
 * The level-up rules as a table: each case is named after the rule it checks, and lists the
 * rules a change breaks (none when it may be made). Deals needed: 3 for 中级, 10 for 高级.
 */
class LevelRulesTest {

    static final Set<Module> BASIC = EnumSet.of(PUBLIC_KNOWLEDGE, POLICY_AND_LAW, PRACTICAL_SKILLS);
    static final Set<Module> ALL = EnumSet.allOf(Module.class);
    static final LevelRules RULES = new LevelRules(new LevelProperties(3, 10));

    static Stream<Arguments> rules() {
        return Stream.of(
                row("a new professional starts at 初级 with nothing shown", null, JUNIOR, ACTIVE, Set.of(), 0),
                row("中级 needs the 公共知识, 政策法规 and 实务技能 modules completed", JUNIOR, INTERMEDIATE, ACTIVE,
                        EnumSet.of(PUBLIC_KNOWLEDGE, POLICY_AND_LAW), 3, INTERMEDIATE_NEEDS_TRAINING),
                row("中级 needs 3 deals closed, each naming a technology contract", JUNIOR, INTERMEDIATE, ACTIVE, BASIC, 2,
                        INTERMEDIATE_NEEDS_DEALS),
                row("中级 is reached with the three modules and 3 deals", JUNIOR, INTERMEDIATE, ACTIVE, BASIC, 3),
                row("高级 needs the 能力提升 module completed", INTERMEDIATE, SENIOR, ACTIVE, BASIC, 10,
                        SENIOR_NEEDS_TRAINING),
                row("高级 needs 10 deals closed", INTERMEDIATE, SENIOR, ACTIVE, ALL, 9, SENIOR_NEEDS_DEALS),
                row("高级 is reached with 能力提升 and 10 deals", INTERMEDIATE, SENIOR, ACTIVE, ALL, 10),
                row("a level moves up one step at a time", JUNIOR, SENIOR, ACTIVE, ALL, 10, ONE_STEP_AT_A_TIME),
                row("a new record above 初级 shows every step up to it", null, SENIOR, ACTIVE,
                        EnumSet.of(CAPABILITY_UPGRADE), 10, INTERMEDIATE_NEEDS_TRAINING),
                row("a new record at 高级 with every step shown", null, SENIOR, ACTIVE, ALL, 10),
                row("only an ACTIVE professional moves up: suspended", JUNIOR, INTERMEDIATE, SUSPENDED, BASIC, 3,
                        ONLY_ACTIVE_MOVE_UP),
                row("only an ACTIVE professional moves up: left, and nothing shown either", JUNIOR, INTERMEDIATE, LEFT,
                        Set.of(), 0, ONLY_ACTIVE_MOVE_UP, INTERMEDIATE_NEEDS_TRAINING, INTERMEDIATE_NEEDS_DEALS),
                row("moving down is a correction, never judged", SENIOR, JUNIOR, LEFT, Set.of(), 0),
                row("staying at a level is never judged", INTERMEDIATE, INTERMEDIATE, ACTIVE, Set.of(), 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachRule(String rule, Level from, Level to, ProfessionalStatus status, Set<Module> modules, int deals,
            List<LevelRules.Rule> broken) {
        List<LevelRules.Violation> violations = RULES.judge(from, to, status, new LevelRules.Evidence(modules, deals));

        assertThat(violations).extracting(LevelRules.Violation::rule).containsExactlyInAnyOrderElementsOf(broken);
        violations.forEach(violation -> assertThat(violation.message()).startsWith(violation.rule().text()));
    }

    @ParameterizedTest(name = "the deals each level needs are configuration: {0} and {1}")
    @MethodSource("configured")
    void theDealsNeededAreConfiguration(int intermediate, int senior, int deals, boolean intermediateReached,
            boolean seniorReached) {
        LevelRules rules = new LevelRules(new LevelProperties(intermediate, senior));
        assertThat(rules.judge(JUNIOR, INTERMEDIATE, ACTIVE, new LevelRules.Evidence(ALL, deals))).hasSize(
                intermediateReached ? 0 : 1);
        assertThat(rules.judge(INTERMEDIATE, SENIOR, ACTIVE, new LevelRules.Evidence(ALL, deals))).hasSize(
                seniorReached ? 0 : 1);
    }

    static Stream<Arguments> configured() {
        return Stream.of(Arguments.of(1, 2, 1, true, false), Arguments.of(1, 2, 2, true, true),
                Arguments.of(5, 20, 4, false, false));
    }

    private static Arguments row(String rule, Level from, Level to, ProfessionalStatus status, Set<Module> modules,
            int deals, LevelRules.Rule... broken) {
        return Arguments.of(rule, from, to, status, modules, deals, List.of(broken));
    }
}
