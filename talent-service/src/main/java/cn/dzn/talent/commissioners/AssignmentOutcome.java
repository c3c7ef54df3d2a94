package cn.dzn.talent.commissioners;

import java.util.List;

import cn.dzn.talent.common.Formats;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * How the assignment went: still running, completed or ended early, what it achieved, and the
 * technology contracts it led to.
 */
public record AssignmentOutcome(
        @NotNull Status status,
        @Size(max = 2000) String summary,
        @Size(max = 100) List<@NotNull @Size(max = Formats.CONTRACT_NUMBER_LENGTH) @Pattern(regexp = Formats.CONTRACT_NUMBER, message = Formats.CONTRACT_NUMBER_MESSAGE) String> contractNumbers) {

    public enum Status {
        ONGOING, COMPLETED, ENDED_EARLY
    }
}
