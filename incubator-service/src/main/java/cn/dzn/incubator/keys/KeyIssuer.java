package cn.dzn.incubator.keys;

/**
 * Where incubators' keys come from: the gateway, which alone holds API clients and the key-hash
 * secret (docs/decisions.md, Identity). The service asks it for a client bound to one incubator
 * and hands the key out once; it stores only the client's id ({@link KeyBinding}).
 */
public interface KeyIssuer {

    /** A new API client bound to {@code incubatorId}, READ and WRITE in its region, and its key. */
    Issued issue(String incubatorId, String name, String regionCode);

    /** Revokes the client at the gateway, so the key stops there too; a client already gone is fine. */
    void revoke(String clientId);

    /** What the gateway answered: the client's id and its key, to be shown once. */
    record Issued(String clientId, String apiKey) {
    }

    /** The gateway could not issue or revoke (unreachable, not configured, refused). */
    class Unavailable extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public Unavailable(String message) {
            super(message);
        }

        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
