package cn.dzn.talent.offshore;

import java.time.LocalDate;
import java.util.List;

import cn.dzn.platform.regions.Region;
import cn.dzn.talent.common.Formats;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/**
 * An offshore innovation base for overseas talent (海外人才离岸创新创业基地; seed 002 §27, seed 003
 * §21), as the region it lies in sends it: who operates it (e.g. 市科协 with CAST), its type,
 * its overseas centres and the talents and projects it hosts.
 */
public record OffshoreBaseInput(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 200) String operator,
        @NotNull @Size(max = Formats.REGION_LENGTH) @Region String regionCode,
        @NotNull OffshoreBaseType type,
        @PastOrPresent LocalDate establishedOn,
        @Size(max = 50) List<@NotNull @Valid OverseasCentre> overseasCentres,
        @Size(max = 1000) List<@NotNull @Valid HostedTalent> talents,
        @Size(max = 500) List<@NotNull @Valid HostedProject> projects,
        @Size(max = 2000) String note,
        Long version) {
}
