package cn.dzn.incubator.pairings;

import java.time.LocalDate;

import cn.dzn.incubator.incubators.Formats;
import cn.dzn.platform.regions.Region;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An overseas incubator paired with a local one (结对子, seed 002 §28), as a client sends it to
 * {@code /api/incubators/pairings}: one record per pair, under the natural key {@link #key}. An
 * overseas incubator may pair with several local ones and a local one with several overseas ones;
 * never with itself or another overseas incubator.
 *
 * @param regionCode the overseas incubator's region: its home bureau keeps the pairing
 * @param startedOn  the day the pair was confirmed (ACTIVE; ENDED if it had been)
 * @param endedOn    the day it ended (ENDED only)
 */
public record PairingInput(
        @NotNull @Size(max = Formats.MAX_ID) @Pattern(regexp = Formats.ID, message = Formats.ID_MESSAGE)
        String overseasId,
        @NotNull @Size(max = Formats.MAX_ID) @Pattern(regexp = Formats.ID, message = Formats.ID_MESSAGE)
        String localId,
        @NotNull @Region @Size(max = 6) String regionCode,
        @NotNull PairingStatus status,
        @PastOrPresent LocalDate startedOn,
        @PastOrPresent LocalDate endedOn,
        @Size(max = 2000) String note,
        Long version) {

    public PairingInput {
        version = null; // the kit reads it from the body; dropped so that equal content is equal
    }

    /** The record's id: {@code p} and 32 hex digits derived from the two incubators' ids. */
    public static String key(String overseasId, String localId) {
        return Formats.key("p", overseasId, localId);
    }

    PairingInput moved(PairingStatus to, LocalDate started, LocalDate ended) {
        return new PairingInput(overseasId, localId, regionCode, to, started, ended, note, null);
    }
}
