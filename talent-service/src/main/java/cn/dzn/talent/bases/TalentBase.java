package cn.dzn.talent.bases;

import org.bson.codecs.pojo.annotations.BsonId;

import cn.dzn.platform.regions.Region;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A tech-transfer talent training base (技术转移人才培养基地, national plan §19–21) as stored in
 * {@code talent_bases}, and what a client sends and reads at {@code /api/talent-bases}. Minimal
 * for now: curricula and trainee counts come later. The server chooses {@code id}, keeps
 * {@code version} and {@code sample}: what a client sends in them is not stored.
 *
 * @param regionCode GB/T 2260 code of the region the base belongs to
 * @param batch      the national batch the base was named in (1 or 2 so far)
 * @param sample     true for sample data, never for a real record
 * @param note       where the record comes from and what in it is unverified
 * @param version    the version read, named when the record is replaced
 */
public record TalentBase(
        @BsonId String id,
        @NotBlank @Size(max = 200) String name,
        @NotNull @Region String regionCode,
        @NotNull @Min(1) @Max(50) Integer batch,
        Boolean sample,
        @Size(max = 2000) String note,
        Long version) {
}
