package cn.dzn.incubator.keys;

import java.time.Instant;

import jakarta.validation.constraints.Size;

/**
 * An incubator's new key, shown this once: the service keeps only the client's id. Whoever
 * receives it (the bureau that approved) hands it to the incubator.
 *
 * @param apiKey the key to send as {@code X-Api-Key}
 */
public record IssuedKey(
        @Size(max = 64) String incubatorId,
        @Size(max = 64) String clientId,
        @Size(max = 200) String apiKey,
        Instant issuedAt,
        @Size(max = 100) String issuedBy) {
}
