package cn.dzn.talent.offshore;

import java.time.LocalDate;

import cn.dzn.talent.common.Formats;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An overseas talent the base hosts, named only by the operator's own reference: no name or
 * other personal data is kept (issue 16), the field and the country of origin are what the
 * programme reports on.
 */
public record HostedTalent(
        @NotNull @Size(max = Formats.REFERENCE_LENGTH) @Pattern(regexp = Formats.REFERENCE, message = Formats.REFERENCE_MESSAGE) String ref,
        @NotNull @Size(max = Formats.COUNTRY_LENGTH) @Pattern(regexp = Formats.COUNTRY, message = Formats.COUNTRY_MESSAGE) String originCountry,
        @Size(max = 100) String field,
        @NotNull @PastOrPresent LocalDate since) {
}
