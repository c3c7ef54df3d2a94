package cn.dzn.incubator.keys;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import cn.dzn.incubator.incubators.BoundCallers;
import cn.dzn.incubator.incubators.Incubator;
import cn.dzn.incubator.incubators.IncubatorService;
import cn.dzn.platform.errors.Problems;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.regions.Tier;

/**
 * An incubator's own key (issue 17): approval gives it one, shown once in the approval's answer;
 * its city's bureau (or the province or nation) issues a new one, which replaces the old at once,
 * or revokes it. Issuing is the bureau's that decides on registrations: a district bureau does
 * not (docs/decisions.md, issue 14); any writing bureau of the region may revoke.
 */
@Service
public class KeyService {

    private static final Logger log = LoggerFactory.getLogger(KeyService.class);

    /** Who revoked a key whose incubator closed or is gone. */
    static final String CLOSED = "incubator-closed";

    private final IncubatorKeys keys;
    private final KeyIssuer issuer;
    private final IncubatorService incubators;
    private final Clock clock;

    public KeyService(IncubatorKeys keys, KeyIssuer issuer, IncubatorService incubators, Clock clock) {
        this.keys = keys;
        this.issuer = issuer;
        this.incubators = incubators;
        this.clock = clock;
    }

    /** A new key for an incubator the caller's bureau decides on; the one before stops at once. */
    public IssuedKey issue(Caller caller, String incubatorId) {
        Incubator incubator = decidedBy(caller, incubatorId, "issue keys");
        if (caller.region().tier() == Tier.DISTRICT) {
            throw Problems.forbidden("a district bureau does not issue incubators' keys; the city's bureau does");
        }
        if (incubator.isClosed()) {
            throw Problems.of(HttpStatus.CONFLICT, "incubator-state", "incubator " + incubatorId + " closed on "
                    + incubator.closedOn() + "; a closed incubator has no key");
        }
        try {
            return issueFor(caller, incubator);
        } catch (KeyIssuer.Unavailable e) {
            throw Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "key-issuer-unavailable", e.getMessage());
        }
    }

    /**
     * The key an approval gives: bound first in {@code incubator_keys}, so a replaced key stops here
     * before it is revoked at the gateway (which may be unreachable: the service refuses it anyway).
     *
     * @throws KeyIssuer.Unavailable when the gateway issues none
     */
    public IssuedKey issueFor(Caller bureau, Incubator incubator) {
        KeyBinding previous = keys.find(incubator.id()).orElse(null);
        KeyIssuer.Issued issued = issuer.issue(incubator.id(), incubator.name(), incubator.regionCode());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        keys.bind(new KeyBinding(incubator.id(), issued.clientId(), incubator.regionCode(), now, bureau.clientId(),
                null, null));
        if (previous != null && previous.revokedAt() == null) {
            revokeAtGateway(previous.clientId());
        }
        return new IssuedKey(incubator.id(), issued.clientId(), issued.apiKey(), now, bureau.clientId());
    }

    /** Which client is the incubator's key and whether it is valid; never the key. */
    public KeyStatus status(Caller caller, String incubatorId) {
        decidedBy(caller, incubatorId, "read keys");
        return keys.find(incubatorId).map(KeyStatus::of)
                .orElseThrow(() -> Problems.notFound("key of incubator " + incubatorId));
    }

    /** Revokes the incubator's key: refused here at once, then at the gateway if it can be reached. */
    public KeyStatus revoke(Caller caller, String incubatorId) {
        decidedBy(caller, incubatorId, "revoke keys");
        KeyBinding revoked = keys.revoke(incubatorId, caller.clientId(), clock.instant().truncatedTo(ChronoUnit.MILLIS))
                .orElseThrow(() -> Problems.notFound("valid key of incubator " + incubatorId));
        revokeAtGateway(revoked.clientId());
        return KeyStatus.of(revoked);
    }

    /**
     * Revokes, at the gateway and then here, every valid key whose incubator closed or is gone, as
     * {@value #CLOSED}; the ids of those incubators. A key the gateway could not revoke stays
     * valid here (its incubator's state refuses it anyway), so the next sweep tries it again.
     */
    public List<String> revokeClosed() {
        List<String> revoked = new ArrayList<>();
        for (KeyBinding binding : keys.valid()) {
            if (incubators.lookup(binding.incubatorId()).filter(incubator -> !incubator.isClosed()).isPresent()) {
                continue;
            }
            try {
                issuer.revoke(binding.clientId());
            } catch (KeyIssuer.Unavailable e) {
                log.warn("client {} of closed incubator {} could not be revoked at the gateway, next sweep: {}",
                        binding.clientId(), binding.incubatorId(), e.getMessage());
                continue;
            }
            keys.revoke(binding, CLOSED, clock.instant().truncatedTo(ChronoUnit.MILLIS))
                    .ifPresent(key -> revoked.add(key.incubatorId()));
        }
        return revoked;
    }

    private Incubator decidedBy(Caller caller, String incubatorId, String what) {
        BoundCallers.requireBureau(caller, what);
        Incubator incubator = incubators.visible(caller, incubatorId);
        caller.requireWrite(incubator.regionCode());
        return incubator;
    }

    private void revokeAtGateway(String clientId) {
        try {
            issuer.revoke(clientId);
        } catch (KeyIssuer.Unavailable e) {
            log.warn("client {} is refused by incubator-service but could not be revoked at the gateway: {}",
                    clientId, e.getMessage());
        }
    }
}
