package cn.dzn.fund.subfunds;

import java.math.BigDecimal;
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
 * A sub-fund beneath a fund (子基金, seed 003 §24; seed 002 §24), as a client sends it to
 * {@code /api/funds/sub-funds}: its size is the fund's guidance part plus every other investor's,
 * held to the guidance-fund rules ({@link GuidanceRules}). A client proposes it (the status may be
 * left out); it is ESTABLISHED only through {@code POST /api/funds/sub-funds/{id}/establish},
 * which commits the guidance part of the fund's money, and is final from then on.
 */
public record SubFundInput(
        @NotBlank @Size(max = 64) @Pattern(regexp = Patterns.ID) String fundId,
        @NotBlank @Size(max = 200) String name,
        @NotNull @Region @Size(max = 6) String regionCode,
        @NotNull @Amount(max = "100000000") BigDecimal sizeWan,
        @NotNull @Amount(max = "100000000") BigDecimal guidanceWan,
        @NotEmpty @Size(max = 50) List<@NotNull @Valid Investor> investors,
        @Size(max = 3) List<@NotNull Stage> stages,
        SubFundStatus status,
        @Size(max = 2000) String note,
        Long version) {

    public SubFundInput {
        sizeWan = Money.normal(sizeWan);
        guidanceWan = Money.normal(guidanceWan);
        status = status == null ? SubFundStatus.PROPOSED : status;
        version = null; // the kit reads it from the body; dropped so that equal content is equal
    }

    SubFundInput established() {
        return new SubFundInput(fundId, name, regionCode, sizeWan, guidanceWan, investors, stages,
                SubFundStatus.ESTABLISHED, note, null);
    }
}
