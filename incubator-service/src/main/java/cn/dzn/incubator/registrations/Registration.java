package cn.dzn.incubator.registrations;

import java.time.Instant;

import org.bson.codecs.pojo.annotations.BsonId;

import cn.dzn.incubator.incubators.IncubatorKind;
import cn.dzn.incubator.incubators.LegalEntity;
import jakarta.validation.constraints.Size;

/**
 * A self-registration as stored in {@code registrations} and answered. Its id becomes the
 * incubator's id on approval, so one registration can never make two incubators.
 *
 * @param reviewedBy  the client id of the bureau that approved or rejected it
 * @param reason      why it was rejected; null otherwise
 * @param incubatorId the incubator created on approval (the registration's own id); null otherwise
 */
public record Registration(
        @BsonId @Size(max = 64) String id,
        @Size(max = 200) String name,
        IncubatorKind kind,
        @Size(max = 6) String regionCode,
        @Size(max = 2) String hostCountry,
        @Size(max = 100) String hostCity,
        LegalEntity legalEntity,
        @Size(max = 254) String contactEmail,
        @Size(max = 2000) String description,
        RegistrationStatus status,
        Instant submittedAt,
        @Size(max = 100) String reviewedBy,
        Instant reviewedAt,
        @Size(max = 2000) String reason,
        @Size(max = 64) String incubatorId,
        long version) {

    public static final String REGION_CODE = "regionCode";
    public static final String STATUS = "status";
    public static final String VERSION = "version";
}
