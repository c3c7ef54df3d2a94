package cn.dzn.talent.brokers;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The institution that sends the broker (派出机构, seed 001 §10). */
public record Institution(@NotBlank @Size(max = 200) String name, @NotNull InstitutionKind kind) {
}
