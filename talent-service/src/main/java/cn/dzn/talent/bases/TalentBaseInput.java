package cn.dzn.talent.bases;

import java.util.List;

import cn.dzn.platform.regions.Region;
import cn.dzn.talent.common.Formats;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A tech-transfer talent training base (技术转移人才培养基地, seed 003 §19; seed 002 §21) as a
 * client sends it: who hosts it, the region it belongs to, the national batch it was named in
 * and its curriculum. Who completed its courses is recorded apart, one record per trainee
 * ({@link CompletionInput}), so a base's record does not grow with every cohort.
 *
 * @param batch   the national batch the base was named in (1 or 2 so far)
 * @param courses the curriculum, each course in one of the four modules
 * @param note    where the record comes from and what in it is unverified
 * @param version the version read, named when the record is replaced
 */
public record TalentBaseInput(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 200) String hostOrganisation,
        @NotNull @Size(max = Formats.REGION_LENGTH) @Region String regionCode,
        @NotNull @Min(1) @Max(50) Integer batch,
        @Size(max = 200) List<@NotNull @Valid Course> courses,
        @Size(max = 2000) String note,
        Long version) {
}
