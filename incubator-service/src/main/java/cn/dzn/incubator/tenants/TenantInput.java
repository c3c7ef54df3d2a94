package cn.dzn.incubator.tenants;

import java.time.LocalDate;

import cn.dzn.incubator.incubators.Formats;
import cn.dzn.platform.regions.Region;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A tenant firm (在孵企业) of an incubator, as a client sends it to {@code /api/incubators/tenants}:
 * one record per incubator and firm, under the natural key {@link #key} (a client leaves the id
 * out). Recorded by the incubator's region (its bureau, or the incubator with its own key).
 *
 * @param regionCode  the incubator's region
 * @param firmId      the firm's unified social credit code, or its registration number abroad
 * @param admittedOn  the day it was admitted
 * @param startedOn   the day it started incubating (INCUBATING, GRADUATED; EXITED if it had)
 * @param graduatedOn the day it graduated (GRADUATED only)
 * @param exitedOn    the day it left without graduating (EXITED only)
 * @param exitReason  why it left (EXITED only)
 */
public record TenantInput(
        @NotNull @Size(max = Formats.MAX_ID) @Pattern(regexp = Formats.ID, message = Formats.ID_MESSAGE)
        String incubatorId,
        @NotNull @Region @Size(max = 6) String regionCode,
        @NotBlank @Size(max = 200) String firmName,
        @NotNull @Size(max = 40) @Pattern(regexp = Formats.FIRM_ID, message = Formats.FIRM_ID_MESSAGE) String firmId,
        @NotNull TenantStatus status,
        @NotNull @PastOrPresent LocalDate admittedOn,
        @PastOrPresent LocalDate startedOn,
        @PastOrPresent LocalDate graduatedOn,
        @PastOrPresent LocalDate exitedOn,
        @Size(max = 500) String exitReason,
        @Size(max = 2000) String note,
        Long version) {

    public TenantInput {
        version = null; // the kit reads it from the body; dropped so that equal content is equal
    }

    /** The record's id: {@code t} and 32 hex digits derived from the incubator's id and the firm's. */
    public static String key(String incubatorId, String firmId) {
        return Formats.key("t", incubatorId, firmId);
    }

    TenantInput moved(TenantStatus to, LocalDate started, LocalDate graduated, LocalDate exited, String reason) {
        return new TenantInput(incubatorId, regionCode, firmName, firmId, to, admittedOn, started, graduated, exited,
                reason, note, null);
    }
}
