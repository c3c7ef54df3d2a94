package cn.dzn.fund.vouchers;

/** ISSUED until revoked by its region or spent to the last fen; both of the others are final. */
public enum VoucherStatus {
    ISSUED, REVOKED, REDEEMED
}
