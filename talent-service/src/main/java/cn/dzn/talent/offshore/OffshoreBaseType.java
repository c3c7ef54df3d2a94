package cn.dzn.talent.offshore;

/** The kinds of offshore innovation base for overseas talent (DOMAIN.md, "Talent"). */
public enum OffshoreBaseType {
    /** 工作基地 */
    WORK_BASE,
    /** 离岸基地 */
    OFFSHORE_BASE,
    /** 海外基地: lies abroad, so it has at least one overseas centre */
    OVERSEAS_BASE,
    /** 研发社区 */
    RD_COMMUNITY
}
