package cn.dzn.fund.funds;

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
 * One tier's contribution to a fund, as a client sends it to {@code /api/funds/contributions}. It
 * belongs to its fund's region. A client writes it PLEDGED (the status may be left out); it
 * becomes RECEIVED only through {@code POST /api/funds/contributions/{id}/receive}, which puts
 * the money into the fund, and is final from then on.
 *
 * @param amountWan in 万元, exact to the fen
 */
public record ContributionInput(
        @NotBlank @Size(max = 64) @Pattern(regexp = Patterns.ID) String fundId,
        @NotNull @Region @Size(max = 6) String regionCode,
        @NotNull Tier tier,
        @NotBlank @Size(max = 200) String contributor,
        @NotNull @Amount(max = "100000000") BigDecimal amountWan,
        ContributionStatus status,
        @Size(max = 2000) String note,
        Long version) {

    public ContributionInput {
        amountWan = Money.normal(amountWan);
        status = status == null ? ContributionStatus.PLEDGED : status;
        version = null; // the kit reads it from the body; dropped so that equal content is equal
    }

    ContributionInput received() {
        return new ContributionInput(fundId, regionCode, tier, contributor, amountWan, ContributionStatus.RECEIVED,
                note, null);
    }
}
