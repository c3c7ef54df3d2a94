package cn.dzn.platform.resources;

import java.util.regex.Pattern;

import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;

/**
 * Where a relayed record was written (docs/federation.md): the deployment that owns it and the
 * version it has there. A copy is ordered by that version and written only by a relay; a record
 * written here has no origin.
 */
public record Origin(String deployment, Long version) {

    static final String FIELD = "origin";
    private static final Pattern DEPLOYMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** What is wrong with it as sent, or null. */
    String problem() {
        if (deployment == null || !DEPLOYMENT.matcher(deployment).matches()) {
            return "origin.deployment must be 1 to 64 letters, digits, '.', '_' or '-'";
        }
        if (version == null || version < 1) {
            return "origin.version must be 1 or more";
        }
        return null;
    }

    BsonDocument toBson() {
        return new BsonDocument("deployment", new BsonString(deployment)).append("version", new BsonInt64(version));
    }

    /** The origin of a stored record, or null for one written here. */
    static Origin of(BsonDocument record) {
        BsonDocument origin = record == null ? null : record.getDocument(FIELD, null);
        return origin == null ? null
                : new Origin(origin.getString("deployment").getValue(), origin.get("version").asNumber().longValue());
    }
}
