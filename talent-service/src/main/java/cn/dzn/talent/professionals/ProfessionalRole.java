package cn.dzn.talent.professionals;

/** The two occupations of the tech-transfer workforce (seed 003 §19). */
public enum ProfessionalRole {
    /** 技术经纪人 */
    BROKER,
    /** 技术经理人, an official occupation since 2022 (DOMAIN.md) */
    MANAGER
}
