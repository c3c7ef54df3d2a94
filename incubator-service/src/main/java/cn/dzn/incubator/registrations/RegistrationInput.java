package cn.dzn.incubator.registrations;

import cn.dzn.incubator.incubators.IncubatorKind;
import cn.dzn.platform.regions.Region;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an incubator sends to register itself, without a key. Checks Bean Validation cannot
 * express (not the national tier, a host country exactly for an overseas incubator, a country
 * that exists) are made by {@link RegistrationService#submit}.
 *
 * @param regionCode  GB/T 2260 code of its home region (for an overseas incubator, the region of
 *                    the entity at home that runs it, Shenzhen plan §28, seed 002)
 * @param hostCountry ISO 3166-1 alpha-2 country an overseas incubator operates in
 */
public record RegistrationInput(
        @NotBlank @Size(max = 200) String name,
        @NotNull IncubatorKind kind,
        @NotNull @Region String regionCode,
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as SG") String hostCountry,
        @NotBlank @Size(max = 254)
        @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be an e-mail address") String contactEmail,
        @Size(max = 2000) String description) {
}
