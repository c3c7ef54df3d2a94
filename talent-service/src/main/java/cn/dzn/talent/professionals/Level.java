package cn.dzn.talent.professionals;

/**
 * Skill levels (seed 004 §三: "推动建立技术转移职业技能等级制度"), lowest first: a level is
 * reached one step at a time under {@link LevelRules}.
 */
public enum Level {
    /** 初级 */
    JUNIOR("初级"),
    /** 中级 */
    INTERMEDIATE("中级"),
    /** 高级 */
    SENIOR("高级");

    private final String label;

    Level(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
