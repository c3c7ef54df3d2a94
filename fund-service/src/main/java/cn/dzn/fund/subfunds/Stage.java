package cn.dzn.fund.subfunds;

/** The stages a sub-fund invests in (DOMAIN.md, guidance-fund sub-funds). */
public enum Stage {
    SEED, START_UP, GROWTH
}
