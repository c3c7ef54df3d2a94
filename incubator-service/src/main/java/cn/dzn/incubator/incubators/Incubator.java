package cn.dzn.incubator.incubators;

import org.bson.codecs.pojo.annotations.BsonId;

/**
 * An incubator, maker space or overseas incubator as stored in {@code incubators}. Minimal for
 * now: one approved self-registration makes one (under the registration's id; its contact and
 * description stay on the registration); pairings and tenants come later.
 *
 * @param regionCode  GB/T 2260 code of the region it belongs to; for an overseas incubator, the
 *                    region of the entity at home that runs it
 * @param hostCountry ISO 3166-1 alpha-2 country an overseas incubator operates in; null otherwise
 * @param sample      true for sample data, never for a real record
 * @param note        where the record comes from and what in it is unverified
 */
public record Incubator(@BsonId String id, String name, String regionCode, IncubatorKind kind, String hostCountry,
        boolean sample, String note) {

    public static final String REGION_CODE = "regionCode";
    public static final String KIND = "kind";
}
