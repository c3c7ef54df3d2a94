package cn.dzn.fund.agreements;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.bson.codecs.pojo.annotations.BsonId;

import cn.dzn.platform.regions.RegionCode;

/** A mutual-recognition agreement as read. */
public record Agreement(
        @BsonId String id,
        String name,
        String regionCode,
        List<String> parties,
        LocalDate validFrom,
        LocalDate validUntil,
        String note,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    /**
     * Whether a voucher issued in {@code issuer} is honoured in {@code provider} on {@code day}:
     * one party contains the issuer, another the provider.
     */
    public boolean covers(String issuer, String provider, LocalDate day) {
        if (day.isBefore(validFrom) || day.isAfter(validUntil)) {
            return false;
        }
        for (String party : parties) {
            for (String other : parties) {
                if (!party.equals(other) && RegionCode.of(party).contains(issuer)
                        && RegionCode.of(other).contains(provider)) {
                    return true;
                }
            }
        }
        return false;
    }
}
