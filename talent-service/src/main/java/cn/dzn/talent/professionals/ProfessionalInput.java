package cn.dzn.talent.professionals;

import java.util.List;

import cn.dzn.platform.regions.Region;
import cn.dzn.talent.common.Formats;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A tech-transfer professional (技术经纪人 or 技术经理人) as the bureau of its region sends it.
 * Its id is the natural key {@code regionCode.ref}, {@code ref} being the bureau's own
 * reference. {@code personal} is optional and never served in lists or feeds; a replacement
 * that leaves it out removes it.
 */
public record ProfessionalInput(
        @NotNull @Size(max = Formats.REFERENCE_LENGTH) @Pattern(regexp = Formats.REFERENCE, message = Formats.REFERENCE_MESSAGE) String ref,
        @NotNull @Size(max = Formats.REGION_LENGTH) @Region String regionCode,
        @NotNull ProfessionalRole role,
        @NotBlank @Size(max = 200) String employer,
        @NotNull Level level,
        @NotNull ProfessionalStatus status,
        @Size(max = 20) List<@NotNull @Valid Certificate> certificates,
        @Size(max = 500) List<@NotNull @Valid Deal> deals,
        @Valid Personal personal,
        Long version) {

    /** The same professional with another level, personal data included. */
    ProfessionalInput atLevel(Level next) {
        return new ProfessionalInput(ref, regionCode, role, employer, next, status, certificates, deals, personal, null);
    }
}
