package cn.dzn.talent.brokers;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A cooperation agreement between a university or research institute and the broker's
 * institution (seed 001 §10: "签订合作协议，明确工作内容以及权益分配方式、比例、时限"): the work
 * ({@code scope}), how and in what share the proceeds are divided, and the term.
 */
public record Agreement(
        @NotBlank @Size(max = 200) String university,
        @NotBlank @Size(max = 500) String scope,
        @NotBlank @Size(max = 200) String shareMethod,
        @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal sharePercent,
        @NotNull LocalDate from,
        @NotNull LocalDate to) {
}
