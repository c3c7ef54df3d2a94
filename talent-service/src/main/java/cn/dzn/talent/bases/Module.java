package cn.dzn.talent.bases;

/**
 * The curriculum modules of tech-transfer talent training (DOMAIN.md, "Talent"): every course a
 * base teaches belongs to one of them.
 */
public enum Module {
    /** 公共知识 */
    PUBLIC_KNOWLEDGE("公共知识"),
    /** 政策法规 */
    POLICY_AND_LAW("政策法规"),
    /** 实务技能 */
    PRACTICAL_SKILLS("实务技能"),
    /** 能力提升 */
    CAPABILITY_UPGRADE("能力提升");

    private final String label;

    Module(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
