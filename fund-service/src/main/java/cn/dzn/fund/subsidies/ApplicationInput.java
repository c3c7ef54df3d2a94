package cn.dzn.fund.subsidies;

import java.math.BigDecimal;

import cn.dzn.fund.Patterns;
import cn.dzn.fund.money.Amount;
import cn.dzn.fund.money.Money;
import cn.dzn.platform.regions.Region;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An application for a subsidy: the rule it is made under, the applicant, the year and the
 * inputs that rule's formula takes ({@code GET /api/subsidies/rules} says which; any other input
 * is refused). {@code regionCode} is the region deciding it, inside the rule's region.
 *
 * @param contractNo            the contract the application is for (§2 of Guangzhou: the transfer
 *                              whose income is retained; §9 of Shenzhen: the project contract)
 * @param retainedWan           the part of the transfer income the institution retained (留成部分)
 * @param registeredTurnoverWan the technology-contract turnover an institution registered in the year
 * @param contractValueWan      the project contract's value
 * @param requestedWan          what the applicant asks for
 */
public record ApplicationInput(
        @NotBlank @Size(max = 32) @Pattern(regexp = "[a-z0-9-]{1,32}") String ruleId,
        @NotNull @Region @Size(max = 6) String regionCode,
        @NotBlank @Size(max = 18) @Pattern(regexp = Patterns.CREDIT_CODE, message = Patterns.CREDIT_CODE_MESSAGE)
        String applicantCode,
        @NotBlank @Size(max = 200) String applicantName,
        @NotNull @Min(2000) @Max(2100) Integer year,
        @Size(max = 40) @Pattern(regexp = Patterns.REFERENCE, message = "must be 1 to 40 letters, digits or '-'")
        String contractNo,
        @Amount(max = "10000000", zero = true) BigDecimal retainedWan,
        @Amount(max = "100000000", zero = true) BigDecimal registeredTurnoverWan,
        @Amount(max = "10000000") BigDecimal contractValueWan,
        @Amount(max = "10000000") BigDecimal requestedWan,
        Boolean independentLegalEntity) {

    public ApplicationInput {
        retainedWan = Money.normal(retainedWan);
        registeredTurnoverWan = Money.normal(registeredTurnoverWan);
        contractValueWan = Money.normal(contractValueWan);
        requestedWan = Money.normal(requestedWan);
    }
}
