package cn.dzn.fund.vouchers;

import java.math.BigDecimal;
import java.time.Instant;

import cn.dzn.fund.Patterns;
import cn.dzn.fund.money.Amount;
import cn.dzn.fund.money.Money;
import cn.dzn.platform.regions.Region;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One redemption of a voucher, kept in the voucher itself so that spending it and recording the
 * spend are one write: a voucher is spent once, however many providers try at once.
 *
 * @param reference   the provider's receipt number: the same reference from the same region is
 *                    the same redemption, answered again rather than spent twice
 * @param agreementId the mutual-recognition agreement it was redeemed under, for a provider
 *                    outside the voucher's region
 * @param redeemedBy  the client that redeemed it
 */
public record Redemption(
        @NotBlank @Size(max = 64) String id,
        @NotNull @Amount(max = "1000") BigDecimal amountWan,
        @NotNull ServiceCategory category,
        @NotBlank @Size(max = 200) String provider,
        @NotNull @Region @Size(max = 6) String providerRegion,
        @NotBlank @Size(max = 40) @Pattern(regexp = Patterns.REFERENCE) String reference,
        @Size(max = 64) String agreementId,
        @NotBlank @Size(max = 200) String redeemedBy,
        @NotNull Instant redeemedAt) {

    public Redemption {
        amountWan = Money.normal(amountWan);
    }
}
