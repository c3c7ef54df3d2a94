package cn.dzn.incubator.incubators;

import java.time.LocalDate;
import java.util.List;

import cn.dzn.platform.regions.Region;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * An incubator, maker space or overseas incubator as a client sends it to {@code /api/incubators}
 * (docs/sync.md: the kit stores it as the record's content). The figures the national thresholds
 * are judged on (DOMAIN.md, Incubation; {@link Thresholds}) are optional: a record says what is
 * known, and a threshold whose figure is missing is shown as not reported, never as met.
 *
 * @param regionCode            GB/T 2260 code of the region it belongs to; for an overseas
 *                              incubator, the region of the entity at home that runs it
 * @param level                 the tier that recognised it, or none ({@link IncubatorLevel})
 * @param legalEntity           the entity registered in China that runs it
 * @param hostCountry           ISO 3166-1 alpha-2 country an overseas incubator operates in;
 *                              none for any other ({@link HostCountry})
 * @param hostCity              the city abroad an overseas incubator operates in; none for any other
 * @param operatingSince        the day it started operating
 * @param areaSqm               its space in m²
 * @param tenantAreaSqm         of which its tenants use, in m²
 * @param workstations          workstations (工位), for a maker space
 * @param seedFundWan           its seed fund (种子资金), in 万元 (10,000 yuan)
 * @param mentors               how many mentors (创业导师) it has
 * @param servicesOffered       what it offers its tenants, each once
 * @param statisticsYears       for how many years it has reported the torch statistics (火炬统计)
 * @param residentTeams         teams and firms resident now (常驻团队)
 * @param firmsFoundedLastYear  new firms founded by its teams in the last full year
 * @param teamsFinancedLastYear teams or firms that raised financing in the last full year
 * @param eventsLastYear        events (创业活动) it held in the last full year
 * @param closedOn              the day it closed; none while it operates. Its key stops working
 *                              at once (issue 17).
 */
public record IncubatorInput(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Region @Size(max = 6) String regionCode,
        @NotNull IncubatorKind kind,
        IncubatorLevel level,
        @Valid LegalEntity legalEntity,
        @Size(max = 2) @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as SG")
        String hostCountry,
        @Size(min = 1, max = 100) String hostCity,
        @PastOrPresent LocalDate operatingSince,
        @PositiveOrZero @Max(MAX_AREA) Integer areaSqm,
        @PositiveOrZero @Max(MAX_AREA) Integer tenantAreaSqm,
        @PositiveOrZero @Max(MAX_COUNT) Integer workstations,
        @PositiveOrZero @Max(MAX_FUND_WAN) Long seedFundWan,
        @PositiveOrZero @Max(MAX_COUNT) Integer mentors,
        @Size(max = MAX_SERVICES) List<@NotNull ServiceOffered> servicesOffered,
        @PositiveOrZero @Max(100) Integer statisticsYears,
        @PositiveOrZero @Max(MAX_COUNT) Integer residentTeams,
        @PositiveOrZero @Max(MAX_COUNT) Integer firmsFoundedLastYear,
        @PositiveOrZero @Max(MAX_COUNT) Integer teamsFinancedLastYear,
        @PositiveOrZero @Max(MAX_COUNT) Integer eventsLastYear,
        @PastOrPresent LocalDate closedOn,
        @Size(max = 2000) String note,
        Long version) {

    /** 10 km²: larger than any incubator; a larger figure is a typo. */
    public static final int MAX_AREA = 10_000_000;
    public static final int MAX_COUNT = 1_000_000;
    /** 1000亿元. */
    public static final long MAX_FUND_WAN = 10_000_000L;
    /** As many as there are kinds of service ({@link ServiceOffered}), each named once. */
    public static final int MAX_SERVICES = 9;

    public IncubatorInput {
        version = null; // the kit reads it from the body; dropped so that equal content is equal
    }

    /** The same record, closed on {@code day}. */
    IncubatorInput closed(LocalDate day) {
        return new IncubatorInput(name, regionCode, kind, level, legalEntity, hostCountry, hostCity, operatingSince,
                areaSqm, tenantAreaSqm, workstations, seedFundWan, mentors, servicesOffered, statisticsYears,
                residentTeams, firmsFoundedLastYear, teamsFinancedLastYear, eventsLastYear, day, note, null);
    }

}
