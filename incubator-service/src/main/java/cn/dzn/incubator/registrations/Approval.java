package cn.dzn.incubator.registrations;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import cn.dzn.incubator.keys.IssuedKey;
import jakarta.validation.constraints.Size;

/**
 * The answer to an approval: the registration as it is now and the incubator's own key, shown
 * this once (issue 17), or why none could be issued (the bureau issues one later at
 * {@code POST /api/incubators/{id}/key}).
 */
public record Approval(
        @JsonUnwrapped Registration registration,
        IssuedKey key,
        @Size(max = 300) String keyProblem) {
}
