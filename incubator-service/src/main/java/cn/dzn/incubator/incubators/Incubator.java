package cn.dzn.incubator.incubators;

import org.bson.codecs.pojo.annotations.BsonId;

import cn.dzn.platform.regions.Region;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An incubator, maker space or overseas incubator as stored in {@code incubators}, and what a
 * client sends and reads at {@code /api/incubators}. Minimal for now: one approved
 * self-registration makes one (under the registration's id; its contact and description stay on
 * the registration); pairings and tenants come later. The server chooses {@code id}, keeps
 * {@code version} and {@code sample}: what a client sends in them is not stored.
 *
 * @param regionCode  GB/T 2260 code of the region it belongs to; for an overseas incubator, the
 *                    region of the entity at home that runs it
 * @param hostCountry ISO 3166-1 alpha-2 country an overseas incubator operates in; null otherwise
 *                    ({@link HostCountry})
 * @param sample      true for sample data, never for a real record
 * @param note        where the record comes from and what in it is unverified
 * @param version     the version read, named when the record is replaced
 */
public record Incubator(
        @BsonId String id,
        @NotBlank @Size(max = 200) String name,
        @NotNull @Region String regionCode,
        @NotNull IncubatorKind kind,
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as SG") String hostCountry,
        Boolean sample,
        @Size(max = 2000) String note,
        Long version) {
}
