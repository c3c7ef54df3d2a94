package cn.dzn.talent.bases;

import org.bson.codecs.pojo.annotations.BsonId;

/**
 * A tech-transfer talent training base (技术转移人才培养基地, national plan §19–21) as stored in
 * {@code talent_bases}. Minimal for now: curricula and trainee counts come later.
 *
 * @param regionCode GB/T 2260 code of the region the base belongs to
 * @param batch      the national batch the base was named in (1 or 2 so far)
 * @param sample     true for sample data, never for a real record
 * @param note       where the record comes from and what in it is unverified
 */
public record TalentBase(@BsonId String id, String name, String regionCode, int batch, boolean sample,
        String note) {

    public static final String REGION_CODE = "regionCode";
}
