package cn.dzn.talent.professionals;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/**
 * A certificate the professional holds. Its number is not kept: it identifies the person and
 * nothing here needs it (personal data stays minimal, issue 16).
 */
public record Certificate(
        @NotBlank @Size(max = 100) String title,
        Level level,
        @NotBlank @Size(max = 200) String issuer,
        @NotNull @PastOrPresent LocalDate issuedOn) {
}
