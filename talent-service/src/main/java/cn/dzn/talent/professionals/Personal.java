package cn.dzn.talent.professionals;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The only personal data kept of a professional: a name and a contact phone. No ID number,
 * birth date or address is accepted. Stored with the record, never part of what the kit serves
 * (lists, the change feed, the audit); read one record at a time by the professional's own
 * city (PersonalController).
 */
public record Personal(
        @NotBlank @Size(max = 50) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not hold control characters") String name,
        @Size(max = 20) @Pattern(regexp = "\\+?[0-9][0-9 -]{4,18}", message = "must be a phone number of digits, spaces and '-'") String phone) {
}
