package cn.dzn.zone.zones;

import java.time.LocalDate;
import java.util.List;

import cn.dzn.platform.regions.Region;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/**
 * What a client sends to create or replace a zone; {@code version} is the one it read (updates).
 * {@code constructionBody} is the 建设主体 (usually the lead province's people's government),
 * {@code coreParks} the parks the zone is built from (seed 004). Region codes are six digits:
 * {@code @Region} checks them, {@code @Size} states their length in the OpenAPI document.
 */
public record ZoneInput(
        @NotBlank @Size(max = ZoneInput.MAX_NAME) String name,
        @NotNull @Region @Size(max = 6) String regionCode,
        @NotEmpty @Size(max = ZoneInput.MAX_MEMBERS) List<@NotNull @Region @Size(max = 6) String> memberCities,
        @Size(max = 200) String approvalDocument,
        @PastOrPresent LocalDate approvedOn,
        @Min(1) @Max(50) Integer batch,
        @Valid BuildPeriod buildPeriod,
        ZoneStatus status,
        @Size(max = 30) List<@NotBlank @Size(max = 60) String> leadingIndustries,
        @Size(max = 200) String constructionBody,
        @Size(max = 30) List<@NotBlank @Size(max = 100) String> coreParks,
        @Size(max = 2000) String note,
        Long version) {

    /** Answers that repeat a zone's name or members (overview, annual report) state these limits. */
    public static final int MAX_NAME = 200;
    public static final int MAX_MEMBERS = 60;
}
