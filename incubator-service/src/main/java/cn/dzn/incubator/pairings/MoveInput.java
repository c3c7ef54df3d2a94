package cn.dzn.incubator.pairings;

import java.time.LocalDate;

import cn.dzn.incubator.incubators.Formats;
import cn.dzn.platform.regions.Region;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A project that moved between a confirmed pair, either way (seed 002 §28: 境内外孵化器联动发展,
 * 建立孵化育成链条), as a client sends it to {@code /api/incubators/pairings/moves}. The service or
 * the syncing client chooses its id: a project may move more than once.
 *
 * @param regionCode the pairing's region
 * @param project    the project or firm that moved
 * @param firmId     the firm's unified social credit code or registration number abroad, if it is one
 */
public record MoveInput(
        @NotNull @Size(max = Formats.MAX_ID) @Pattern(regexp = Formats.ID, message = Formats.ID_MESSAGE)
        String pairingId,
        @NotNull @Region @Size(max = 6) String regionCode,
        @NotNull MoveDirection direction,
        @NotBlank @Size(max = 200) String project,
        @Size(max = 40) @Pattern(regexp = Formats.FIRM_ID, message = Formats.FIRM_ID_MESSAGE) String firmId,
        @NotNull @PastOrPresent LocalDate movedOn,
        @Size(max = 2000) String note,
        Long version) {

    public MoveInput {
        version = null; // the kit reads it from the body; dropped so that equal content is equal
    }
}
