package cn.dzn.fund.vouchers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import cn.dzn.fund.Patterns;
import cn.dzn.fund.money.Amount;
import cn.dzn.fund.money.Money;
import cn.dzn.platform.regions.Region;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An innovation voucher (科技创新券, seed 004 §五; seed 003 §22), as its issuing region sends it to
 * {@code /api/vouchers}: a face value for a holder (an SME or a maker), spent with a provider in
 * the allowed categories between its issue and expiry days, fully or in parts as its rule says.
 * A region issues it (status left out or ISSUED) and may revoke it (REVOKED, with a reason; also
 * {@code POST /api/vouchers/{voucherId}/revoke}); {@code redemptions} and {@code redeemedWan} are kept by
 * the service ({@code POST /api/vouchers/{id}/redemptions}): a client sends them as read.
 */
public record VoucherInput(
        @NotNull @Region @Size(max = 6) String regionCode,
        @NotBlank @Size(max = 200) String holder,
        @Size(max = 18) @Pattern(regexp = Patterns.CREDIT_CODE, message = Patterns.CREDIT_CODE_MESSAGE)
        String holderCode,
        @NotNull @Amount(max = "1000") BigDecimal faceValueWan,
        @NotNull LocalDate issuedOn,
        @NotNull LocalDate expiresOn,
        @NotEmpty @Size(max = 7) List<@NotNull ServiceCategory> categories,
        @NotNull RedemptionRule rule,
        VoucherStatus status,
        @Size(max = 2000) String revocationReason,
        @Amount(max = "1000", zero = true) BigDecimal redeemedWan,
        @Size(max = VoucherInput.MAX_REDEMPTIONS) List<@NotNull @Valid Redemption> redemptions,
        @Size(max = 2000) String note,
        Long version) {

    /** A partly spent voucher takes at most this many redemptions: its document stays small. */
    public static final int MAX_REDEMPTIONS = 100;

    public VoucherInput {
        faceValueWan = Money.normal(faceValueWan);
        status = status == null ? VoucherStatus.ISSUED : status;
        redeemedWan = redeemedWan == null ? Money.wan(0) : Money.normal(redeemedWan);
        redemptions = redemptions == null ? List.of() : redemptions;
        version = null; // the kit reads it from the body; dropped so that equal content is equal
    }

    VoucherInput with(VoucherStatus newStatus, String reason, BigDecimal redeemed, List<Redemption> spent) {
        return new VoucherInput(regionCode, holder, holderCode, faceValueWan, issuedOn, expiresOn, categories, rule,
                newStatus, reason, redeemed, spent, note, null);
    }
}
