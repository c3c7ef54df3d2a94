package cn.dzn.fund.investments;

import java.math.BigDecimal;

import cn.dzn.fund.Patterns;
import cn.dzn.fund.money.Amount;
import cn.dzn.fund.money.Money;
import cn.dzn.fund.subfunds.Stage;
import cn.dzn.platform.regions.Region;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An investment from a sub-fund into an enterprise, as a client sends it to
 * {@code /api/funds/investments}: linked to a demonstration zone and, where known, to a
 * registered technology contract and an achievement. It belongs to its sub-fund's region. A
 * client proposes it (the status may be left out); it is COMMITTED against the sub-fund's size
 * only through {@code POST /api/funds/investments/{id}/commit} or
 * {@code POST /api/funds/sub-funds/{id}/investments}, and is final from then on.
 *
 * @param zoneId               the demonstration zone the enterprise lies in (zone-service's id)
 * @param contractNo           the technology contract's registration number: 16 digits (14 before 2023)
 * @param publiclyFundedResult whether the enterprise commercialises a publicly funded result,
 *                             which a sub-fund must mostly invest in (DOMAIN.md)
 */
public record InvestmentInput(
        @NotBlank @Size(max = 64) @Pattern(regexp = Patterns.ID) String subFundId,
        @NotNull @Region @Size(max = 6) String regionCode,
        @NotBlank @Size(max = 200) String enterprise,
        @Size(max = 18) @Pattern(regexp = Patterns.CREDIT_CODE, message = Patterns.CREDIT_CODE_MESSAGE)
        String enterpriseCode,
        @NotBlank @Size(max = 64) @Pattern(regexp = Patterns.ID) String zoneId,
        @Size(max = 16) @Pattern(regexp = "\\d{14}|\\d{16}", message = "must be 16 digits (14 before 2023)")
        String contractNo,
        @Size(max = 64) @Pattern(regexp = Patterns.ID) String achievementId,
        @NotNull Stage stage,
        @NotNull Boolean publiclyFundedResult,
        @NotNull @Amount(max = "10000000") BigDecimal amountWan,
        InvestmentStatus status,
        @Size(max = 2000) String note,
        Long version) {

    public InvestmentInput {
        amountWan = Money.normal(amountWan);
        status = status == null ? InvestmentStatus.PROPOSED : status;
        version = null; // the kit reads it from the body; dropped so that equal content is equal
    }

    InvestmentInput committed() {
        return new InvestmentInput(subFundId, regionCode, enterprise, enterpriseCode, zoneId, contractNo, achievementId,
                stage, publiclyFundedResult, amountWan, InvestmentStatus.COMMITTED, note, null);
    }
}
