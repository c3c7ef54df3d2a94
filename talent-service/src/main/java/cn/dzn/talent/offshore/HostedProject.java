package cn.dzn.talent.offshore;

import java.time.LocalDate;
import java.util.List;

import cn.dzn.platform.regions.Region;
import cn.dzn.talent.common.Formats;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A venture the base hosts offshore (seed 002 §27: "基地注册、海内外经营"): registered in the
 * base's region ({@code registeredIn}), operating at home and abroad ({@code operatingIn}).
 */
public record HostedProject(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Size(max = Formats.REGION_LENGTH) @Region String registeredIn,
        @NotEmpty @Size(max = 30) List<@NotNull @Size(max = Formats.COUNTRY_LENGTH) @Pattern(regexp = Formats.COUNTRY, message = Formats.COUNTRY_MESSAGE) String> operatingIn,
        @NotNull @PastOrPresent LocalDate since) {
}
