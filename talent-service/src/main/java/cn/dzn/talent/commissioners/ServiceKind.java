package cn.dzn.talent.commissioners;

/** What the assignment does for the enterprise (seed 004 §一: "技术转让、技术许可、技术开发、技术咨询和技术服务"). */
public enum ServiceKind {
    TRANSFER, LICENSING, DEVELOPMENT, CONSULTING, SERVICE
}
