package cn.dzn.gateway.clients;

import java.util.Set;

import cn.dzn.platform.identity.Role;
import cn.dzn.platform.regions.Region;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/clients}. The region is a string so a bad one is a field error, not a parse error. */
public record NewClient(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Region @Size(max = 6) String regionCode,
        @NotEmpty @Size(max = 3) Set<@NotNull Role> roles) {
}
