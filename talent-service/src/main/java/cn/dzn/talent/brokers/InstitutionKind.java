package cn.dzn.talent.brokers;

/** The institutions 科技伯乐 are selected from (seed 001 §10: 技术转移、产业研发、投融资、知识产权). */
public enum InstitutionKind {
    /** 技术转移 */
    TRANSFER,
    /** 产业研发 */
    INDUSTRIAL_RD,
    /** 投融资 */
    FINANCE,
    /** 知识产权 */
    IP
}
