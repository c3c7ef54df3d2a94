package cn.dzn.talent.commissioners;

import java.time.LocalDate;
import java.util.List;

import cn.dzn.platform.regions.Region;
import cn.dzn.talent.common.Formats;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An assignment of an S&T commissioner or an expert team to an enterprise for a term, and its
 * outcome (seed 004 §一; seed 003 §20), owned by the region that makes it. A commissioner is
 * named by the bureau's own reference ({@code personRef}), a team by its name and size: no
 * personal data.
 */
public record CommissionerInput(
        @NotNull AssignmentKind kind,
        @Size(max = Formats.REFERENCE_LENGTH) @Pattern(regexp = Formats.REFERENCE, message = Formats.REFERENCE_MESSAGE) String personRef,
        @Size(max = 200) String teamName,
        @Min(2) @Max(500) Integer teamSize,
        @NotNull @Size(max = Formats.REGION_LENGTH) @Region String regionCode,
        @NotNull @Valid Enterprise enterprise,
        @NotNull LocalDate from,
        @NotNull LocalDate to,
        @NotEmpty @Size(max = 5) List<@NotNull ServiceKind> services,
        @NotNull @Valid AssignmentOutcome outcome,
        Long version) {
}
