package cn.dzn.fund.vouchers;

/** How a voucher is spent: all of it in one redemption, or in parts until nothing is left. */
public enum RedemptionRule {
    FULL, PARTIAL
}
