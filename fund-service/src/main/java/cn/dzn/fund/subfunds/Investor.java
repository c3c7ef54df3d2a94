package cn.dzn.fund.subfunds;

import java.math.BigDecimal;

import cn.dzn.fund.money.Amount;
import cn.dzn.fund.money.Money;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An investor in a sub-fund other than the guidance fund (social capital, a district, a bank). */
public record Investor(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Amount(max = "100000000") BigDecimal amountWan) {

    public Investor {
        amountWan = Money.normal(amountWan);
    }
}
