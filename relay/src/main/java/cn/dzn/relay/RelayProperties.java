package cn.dzn.relay;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * What the relay connects: this deployment's gateway ({@code local}, a key that reads every record
 * of the deployment and may write reference data) and the tier above's ({@code upstream}, a relay
 * key of the deployment's region). Keys come from the environment, never from a file in the code.
 *
 * @param deployment this deployment's name, the origin of every record written here
 * @param resources the synced resources whose change feeds go up
 * @param stateDir where the cursors are kept (they survive {@code kill -9})
 * @param batchSize changes per upstream sync batch (the local feed's page)
 * @param pollEvery how long a caught-up feed waits before it is read again, at first
 * @param idleMax the longest a feed that stays caught up waits (the wait doubles up to it)
 * @param backoff first and longest wait after a failed push
 * @param reference which reference data comes down, and how often
 */
@Validated
@ConfigurationProperties("dzn.relay")
public record RelayProperties(
        @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}") String deployment,
        @NotNull @Valid Endpoint local,
        @NotNull @Valid Endpoint upstream,
        @NotEmpty List<String> resources,
        @NotNull Path stateDir,
        @Min(1) @Max(500) int batchSize,
        @NotNull Duration pollEvery,
        @NotNull Duration idleMax,
        @NotNull @Valid Backoff backoff,
        @NotNull @Valid Reference reference,
        @NotNull Duration timeout) {

    public record Endpoint(@NotNull URI url, @NotNull @Pattern(regexp = "\\S{16,}", message = "a key is required")
            String key) {
    }

    public record Backoff(@NotNull Duration first, @NotNull Duration max) {
    }

    /** Reference data published at the tier above: indicator definitions, targets, evaluation schemes. */
    public record Reference(boolean enabled, @NotNull Duration every, @Min(2000) int firstSchemeYear) {
    }
}
