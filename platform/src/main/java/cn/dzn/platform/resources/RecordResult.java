package cn.dzn.platform.resources;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import cn.dzn.platform.errors.FieldError;
import jakarta.validation.constraints.Size;

/**
 * The outcome for the record at {@code index} of a batch: its id and, when written, its new
 * version; for a conflict the version it is at now; for a rejection what is wrong.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecordResult(int index, @Size(max = 128) String id, Outcome outcome, Long version, Long currentVersion,
        @Size(max = 1000) List<FieldError> errors) {

    static RecordResult rejected(int index, String id, List<FieldError> errors) {
        return new RecordResult(index, id, Outcome.REJECTED, null, null, List.copyOf(errors));
    }

    static RecordResult conflict(int index, String id, Long currentVersion) {
        return new RecordResult(index, id, Outcome.CONFLICT, null, currentVersion, null);
    }

    static RecordResult of(int index, String id, Outcome outcome, long version) {
        return new RecordResult(index, id, outcome, version, null, null);
    }
}
