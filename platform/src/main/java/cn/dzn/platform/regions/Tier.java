package cn.dzn.platform.regions;

/** The administrative tier a GB/T 2260 code names; {@code 000000} stands for the nation. */
public enum Tier {
    NATIONAL, PROVINCE, CITY, DISTRICT
}
