package cn.dzn.talent.brokers;

import java.time.LocalDate;
import java.util.List;

import cn.dzn.platform.regions.Region;
import cn.dzn.talent.common.Formats;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A 科技伯乐 (seed 001 §10) as the bureau running the programme sends it: the professional admitted
 * (by id, its natural key: a professional is admitted once), the sending institution, the
 * agreements with universities, and the evaluation history with what follows from it: the exit
 * and its reason, or the flag for award. {@code POST /api/brokers/{id}/evaluate} does that
 * arithmetic; a record written whole must state the same.
 */
public record BrokerInput(
        @NotNull @Size(max = Formats.TALENT_ID_LENGTH) @Pattern(regexp = Formats.TALENT_ID, message = Formats.TALENT_ID_MESSAGE) String talentId,
        @NotNull @Size(max = Formats.REGION_LENGTH) @Region String regionCode,
        @NotNull @Valid Institution institution,
        @NotNull @PastOrPresent LocalDate admittedOn,
        @Size(max = 50) List<@NotNull @Valid Agreement> agreements,
        @Size(max = 200) List<@NotNull @Valid Evaluation> evaluations,
        @NotNull BrokerStatus status,
        @Size(max = 2000) String exitReason,
        Boolean outstanding,
        Long version) {

    List<Evaluation> history() {
        return evaluations == null ? List.of() : evaluations;
    }

    /** As written, minus the version, with scores at two decimals: to tell a resend from a change. */
    BrokerInput normalised() {
        return new BrokerInput(talentId, regionCode, institution, admittedOn, agreements,
                history().stream().map(Evaluation::normalised).toList(), status, exitReason,
                Boolean.TRUE.equals(outstanding), null);
    }

    /** The broker after an evaluation, or a withdrawal: the history and its consequences replaced. */
    BrokerInput with(List<Evaluation> history, BrokerStatus nextStatus, String reason, boolean flagged) {
        return new BrokerInput(talentId, regionCode, institution, admittedOn, agreements, history, nextStatus, reason,
                flagged, null);
    }
}
