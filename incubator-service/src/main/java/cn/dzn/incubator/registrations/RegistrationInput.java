package cn.dzn.incubator.registrations;

import cn.dzn.incubator.incubators.IncubatorKind;
import cn.dzn.incubator.incubators.LegalEntity;
import cn.dzn.platform.regions.Region;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an incubator sends to register itself, without a key. Checks Bean Validation cannot
 * express (not the national tier, a host country exactly for an overseas incubator, a country
 * that exists, a host city only abroad) are made by {@link RegistrationService#submit}.
 *
 * @param regionCode  GB/T 2260 code of its home region (for an overseas incubator, the region of
 *                    the entity at home that runs it, Shenzhen plan §28, seed 002)
 * @param hostCountry ISO 3166-1 alpha-2 country an overseas incubator operates in
 * @param hostCity    the city abroad an overseas incubator operates in, if it says
 * @param legalEntity the entity registered in China that runs it, if it says (the bureau may
 *                    complete it on the incubator's record)
 */
public record RegistrationInput(
        @NotBlank @Size(max = 200) String name,
        @NotNull IncubatorKind kind,
        @NotNull @Region @Size(max = 6) String regionCode,
        @Size(max = 2) @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as SG")
        String hostCountry,
        @Size(min = 1, max = 100) String hostCity,
        @Valid LegalEntity legalEntity,
        @NotBlank @Size(max = 254)
        @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be an e-mail address") String contactEmail,
        @Size(max = 2000) String description) {
}
