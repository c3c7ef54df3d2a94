package cn.dzn.talent.commissioners;

/** Who is sent to an enterprise (seed 004 §一: "科技特派员、科技专家服务团"; seed 003 §20). */
public enum AssignmentKind {
    /** 科技特派员, one person */
    COMMISSIONER,
    /** 科技专家服务团, an expert team */
    EXPERT_TEAM
}
