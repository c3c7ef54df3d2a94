package cn.dzn.incubator.incubators;

/**
 * What an incubator offers its tenants: the services Shenzhen's plan names for maker spaces
 * (seed 002 §18: 创客辅导、融资、软硬件资源共享、产品推广) and the national plan for open
 * innovation resources and training (seed 003 §17: 科研基础设施、大型科研仪器 … 创新创业培训, 创业导师).
 */
public enum ServiceOffered {
    /** 创业辅导, 创业导师. */
    MENTORING,
    /** 融资, 投融资对接. */
    FINANCING,
    /** 软硬件资源共享, 科研设施与仪器开放. */
    SHARED_FACILITIES,
    /** 产品推广, 市场对接. */
    MARKETING,
    /** 技术研发服务, 成果转移转化. */
    TECHNOLOGY_TRANSFER,
    /** 知识产权服务. */
    INTELLECTUAL_PROPERTY,
    /** 创新创业培训. */
    TRAINING,
    /** 政策咨询, 工商财税等专业服务. */
    PROFESSIONAL_SERVICES,
    /** 跨境孵化, 国际对接 (seed 002 §28). */
    INTERNATIONAL
}
