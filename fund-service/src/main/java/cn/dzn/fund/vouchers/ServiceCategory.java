package cn.dzn.fund.vouchers;

/**
 * What a voucher may be spent on at a service provider (科技创新券 buy science and technology
 * services from universities, institutes and service firms: seed 002 §19; seed 003 §22).
 */
public enum ServiceCategory {
    TESTING, RESEARCH_AND_DEVELOPMENT, TECHNOLOGY_TRANSFER, CONSULTING, INTELLECTUAL_PROPERTY, INSTRUMENT_SHARING,
    INCUBATION
}
