package cn.dzn.fund.money;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code dzn.fund}: how many times a move that lost a pure race (the balance or the record moved
 * on under it) is read and decided again before the request gives up, and the time zone whose
 * calendar decides whether a voucher or an agreement is in force on a day.
 */
@ConfigurationProperties("dzn.fund")
public record FundProperties(int maxAttempts, ZoneId zone) {

    public FundProperties {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("dzn.fund.max-attempts must be 1 or more");
        }
        if (zone == null) {
            throw new IllegalArgumentException("dzn.fund.zone is required, e.g. Asia/Shanghai");
        }
    }
}
