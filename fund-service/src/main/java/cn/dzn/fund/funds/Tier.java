package cn.dzn.fund.funds;

/** Who puts money into a joint fund (seed 002 §24: ministry and city, with social capital). */
public enum Tier {
    NATIONAL, PROVINCIAL, CITY, SOCIAL_CAPITAL
}
