package cn.dzn.fund.vouchers;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.bson.codecs.pojo.annotations.BsonId;

import cn.dzn.fund.money.Money;

/** A voucher as read, with its redemptions. */
public record Voucher(
        @BsonId String id,
        String regionCode,
        String holder,
        String holderCode,
        BigDecimal faceValueWan,
        LocalDate issuedOn,
        LocalDate expiresOn,
        List<ServiceCategory> categories,
        RedemptionRule rule,
        VoucherStatus status,
        String revocationReason,
        BigDecimal redeemedWan,
        List<Redemption> redemptions,
        String note,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public Voucher {
        redeemedWan = redeemedWan == null ? Money.wan(0) : redeemedWan;
        redemptions = redemptions == null ? List.of() : redemptions;
    }

    VoucherInput input() {
        return new VoucherInput(regionCode, holder, holderCode, faceValueWan, issuedOn, expiresOn, categories, rule,
                status, revocationReason, redeemedWan, redemptions, note, null);
    }

    BigDecimal remainingWan() {
        return faceValueWan.subtract(redeemedWan);
    }
}
