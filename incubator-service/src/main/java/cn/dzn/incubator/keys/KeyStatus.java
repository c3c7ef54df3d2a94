package cn.dzn.incubator.keys;

import java.time.Instant;

import jakarta.validation.constraints.Size;

/** Which client is an incubator's key, since when, and whether it was revoked; never the key itself. */
public record KeyStatus(
        @Size(max = 64) String incubatorId,
        @Size(max = 64) String clientId,
        Instant issuedAt,
        @Size(max = 100) String issuedBy,
        boolean valid,
        Instant revokedAt,
        @Size(max = 100) String revokedBy) {

    static KeyStatus of(KeyBinding binding) {
        return new KeyStatus(binding.incubatorId(), binding.clientId(), binding.issuedAt(), binding.issuedBy(),
                binding.revokedAt() == null, binding.revokedAt(), binding.revokedBy());
    }
}
