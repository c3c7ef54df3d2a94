package cn.dzn.talent.offshore;

import cn.dzn.talent.common.Formats;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A centre the base runs abroad, in {@code country} (never CN). */
public record OverseasCentre(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Size(max = Formats.COUNTRY_LENGTH) @Pattern(regexp = Formats.COUNTRY, message = Formats.COUNTRY_MESSAGE) String country,
        @Size(max = 100) String city) {
}
