package cn.dzn.gateway.clients;

import cn.dzn.platform.regions.Region;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /internal/incubator-keys}: which incubator record the new client is bound to,
 * its name (the incubator's) and its region (the incubator's, never the national tier). Sent by
 * incubator-service only ({@link IncubatorKeyEndpoints}).
 */
public record IncubatorKeyRequest(
        @NotBlank @Size(max = MAX_ID) @Pattern(regexp = ID, message = "must be an incubator id") String incubatorId,
        @NotBlank @Size(max = 200) String name,
        @NotNull @Region @Size(max = 6) String regionCode) {

    /** incubator-service's record ids (its {@code Formats.ID}). */
    static final String ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    static final int MAX_ID = 64;
}
