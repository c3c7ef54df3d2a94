package cn.dzn.incubator.incubators;

import java.util.Optional;

import cn.dzn.platform.errors.Problems;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.identity.InternalTokens;

/**
 * An incubator's own key (issue 17): an API client the gateway binds to one incubator record. The
 * gateway's internal token then carries the claim {@value #CLAIM} with the incubator's id beside
 * {@code sub}, {@code region} (the incubator's) and {@code roles} (READ, WRITE), which the platform
 * reads into {@link Caller#incubatorId()}. This service alone serves such a caller
 * ({@code dzn.incubator-keys.accepted}); every other one refuses it.
 *
 * <p>Such a caller keeps its own incubator record and tenants and the pairings it is a side of,
 * and nothing else: the declarations narrow what it sees and may change, the keys feature's gate
 * refuses every other path before a body is read and stops it at once when the key is revoked or
 * the incubator closes. It lives here, with the incubators it binds to, so that the features
 * that ask it (incubators, tenants, pairings, registrations, keys) all depend one way on this one.
 */
public final class BoundCallers {

    /** The internal token's claim naming the incubator a client is bound to. */
    public static final String CLAIM = InternalTokens.INCUBATOR;

    private BoundCallers() {
    }

    /** The incubator {@code caller} is bound to, if it is an incubator's own key. */
    public static Optional<String> incubatorOf(Caller caller) {
        if (caller == null || !caller.boundToIncubator()) {
            return Optional.empty();
        }
        // A claim that is no incubator id binds to nothing anybody could hold: the caller sees nothing.
        String id = caller.incubatorId();
        return Optional.of(id.matches(Formats.ID) ? id : "\u0000invalid");
    }

    public static boolean isBound(Caller caller) {
        return incubatorOf(caller).isPresent();
    }

    /** Refuses (403) an incubator's own key: what follows is a bureau's to do. */
    public static void requireBureau(Caller caller, String what) {
        if (isBound(caller)) {
            throw Problems.forbidden("an incubator's own key cannot " + what + "; its region's bureau does");
        }
    }
}
