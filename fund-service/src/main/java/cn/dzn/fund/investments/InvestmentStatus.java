package cn.dzn.fund.investments;

/** An investment is proposed, then committed against its sub-fund's size. */
public enum InvestmentStatus {
    PROPOSED, COMMITTED
}
