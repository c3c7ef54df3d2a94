package cn.dzn.fund.funds;

/** What kind of fund a record is. */
public enum FundKind {
    /** A fund set up jointly by the ministry and a city (部市共同出资联合基金, Shenzhen plan §24). */
    JOINT_FUND,
    /** A venture sub-fund beneath a joint fund or the national guidance fund (子基金, national plan §24). */
    SUB_FUND
}
