package cn.dzn.fund.vouchers;

import java.math.BigDecimal;

import cn.dzn.fund.Patterns;
import cn.dzn.fund.money.Amount;
import cn.dzn.fund.money.Money;
import cn.dzn.platform.regions.Region;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A provider redeeming a voucher for a service it gave.
 *
 * @param amountWan left out for a FULL voucher (it is spent whole); required for a PARTIAL one
 * @param reference the provider's receipt number: sending the same one again is the same redemption
 */
public record RedemptionRequest(
        @NotBlank @Size(max = 200) String provider,
        @NotNull @Region @Size(max = 6) String providerRegion,
        @NotNull ServiceCategory category,
        @Amount(max = "1000") BigDecimal amountWan,
        @NotBlank @Size(max = 40) @Pattern(regexp = Patterns.REFERENCE, message = "must be 1 to 40 letters, "
                + "digits or '-'") String reference) {

    public RedemptionRequest {
        amountWan = Money.normal(amountWan);
    }
}
