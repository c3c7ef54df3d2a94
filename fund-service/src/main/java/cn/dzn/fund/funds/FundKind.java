package cn.dzn.fund.funds;

/** What kind of fund a record is; either has sub-funds beneath it. */
public enum FundKind {
    /** Set up jointly by the ministry and a city (部市共同出资联合基金, seed 002 §24). */
    JOINT_FUND,
    /** A central or local guidance fund that sets up sub-funds (引导基金, seed 003 §24–25). */
    GUIDANCE_FUND
}
