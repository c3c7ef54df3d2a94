package cn.dzn.talent.commissioners;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The enterprise served, with its unified social credit code (统一社会信用代码) when known. */
public record Enterprise(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 18) @Pattern(regexp = "[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}",
                message = "must be an 18-character unified social credit code") String creditCode) {
}
