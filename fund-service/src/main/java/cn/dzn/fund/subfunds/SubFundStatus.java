package cn.dzn.fund.subfunds;

/** A sub-fund is proposed, then established once its fund has committed the guidance part. */
public enum SubFundStatus {
    PROPOSED, ESTABLISHED
}
