package cn.dzn.fund.funds;

/** A contribution is pledged, then received; only received money can be committed. */
public enum ContributionStatus {
    PLEDGED, RECEIVED
}
