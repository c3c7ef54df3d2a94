package cn.dzn.incubator.registrations;

import java.time.Instant;

import org.bson.codecs.pojo.annotations.BsonId;

import cn.dzn.incubator.incubators.IncubatorKind;

/**
 * A self-registration as stored in {@code registrations} and answered. Its id becomes the
 * incubator's id on approval, so one registration can never make two incubators.
 *
 * @param reviewedBy  the client id of the bureau that approved or rejected it
 * @param reason      why it was rejected; null otherwise
 * @param incubatorId the incubator created on approval (the registration's own id); null otherwise
 */
public record Registration(
        @BsonId String id,
        String name,
        IncubatorKind kind,
        String regionCode,
        String hostCountry,
        String contactEmail,
        String description,
        RegistrationStatus status,
        Instant submittedAt,
        String reviewedBy,
        Instant reviewedAt,
        String reason,
        String incubatorId,
        long version) {

    public static final String REGION_CODE = "regionCode";
    public static final String STATUS = "status";
    public static final String VERSION = "version";
}
