package cn.dzn.incubator.incubators;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The legal entity registered in China that runs an incubator (运营主体); for an overseas
 * incubator, the domestic entity that runs it abroad (DOMAIN.md, Incubation; seed 002 §28).
 */
public record LegalEntity(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Size(max = 18) @Pattern(regexp = Formats.CREDIT_CODE, message = Formats.CREDIT_CODE_MESSAGE)
        String creditCode) {
}
