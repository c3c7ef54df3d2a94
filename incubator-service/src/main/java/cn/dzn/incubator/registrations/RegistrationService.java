package cn.dzn.incubator.registrations;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.bson.types.ObjectId;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

import cn.dzn.incubator.incubators.HostCountry;
import cn.dzn.incubator.incubators.Incubator;
import cn.dzn.incubator.incubators.IncubatorInput;
import cn.dzn.incubator.incubators.IncubatorService;
import cn.dzn.incubator.incubators.BoundCallers;
import cn.dzn.incubator.keys.IssuedKey;
import cn.dzn.incubator.keys.KeyIssuer;
import cn.dzn.incubator.keys.KeyService;
import cn.dzn.platform.errors.FieldError;
import cn.dzn.platform.errors.Problems;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.regions.RegionCode;
import cn.dzn.platform.regions.Tier;
import cn.dzn.platform.resources.Outcome;
import cn.dzn.platform.resources.RecordResult;
import cn.dzn.platform.web.Page;
import cn.dzn.platform.web.PageRequest;

/**
 * Self-registration (DESIGN.md, incubator-service): anyone submits; a bureau whose region
 * contains the registration's (a WRITE caller of its city, province or the nation; a district
 * reads it but does not decide; an incubator's own key does neither) approves or rejects it once.
 * Approval creates the incubator under the registration's id and gives it its own key.
 *
 * <p>Abuse (issue 17): an application for a name already pending or approved in its region is a
 * 409 (one claim per region and name, {@link Registrations#claim}); submissions beyond the
 * service's bucket are 429 with Retry-After ({@link RegistrationLimiter}); bodies over the
 * platform's limit are 413 before anything reads them.
 */
@Service
public class RegistrationService {

    /** How long a claim whose registration is not stored yet counts as an application being submitted. */
    static final Duration IN_FLIGHT = Duration.ofMinutes(1);

    private final Registrations registrations;
    private final IncubatorService incubators;
    private final KeyService keys;
    private final RegistrationLimiter limiter;
    private final Clock clock;

    RegistrationService(Registrations registrations, IncubatorService incubators, KeyService keys,
            RegistrationLimiter limiter, Clock clock) {
        this.registrations = registrations;
        this.incubators = incubators;
        this.keys = keys;
        this.limiter = limiter;
        this.clock = clock;
    }

    public Registration submit(RegistrationInput input) {
        List<FieldError> errors = new ArrayList<>();
        if (RegionCode.NATIONAL.code().equals(input.regionCode())) {
            errors.add(new FieldError("regionCode", "name the home province, city or district, not the national tier"));
        }
        HostCountry.check(input.kind(), input.hostCountry(), input.hostCity(), errors);
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        Duration wait = limiter.take();
        if (wait != null) {
            ErrorResponseException busy = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-registrations",
                    "too many registrations at once; try again later");
            busy.getHeaders().set("Retry-After", Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000)));
            throw busy;
        }
        Registration registration = new Registration("inc-" + new ObjectId().toHexString(), input.name().strip(),
                input.kind(), input.regionCode(), input.hostCountry(), input.hostCity(), input.legalEntity(),
                input.contactEmail().strip(), input.description(), RegistrationStatus.PENDING, now(), null, null, null,
                null, 1);
        claim(registration);
        try {
            registrations.insert(registration);
        } catch (RuntimeException e) {
            // Not stored: the claim must not keep the same applicant out for IN_FLIGHT.
            registrations.release(claimOf(registration), registration.id());
            throw e;
        }
        return registration;
    }

    /**
     * One application per region and name at a time: a second while the first is pending, or once
     * it was approved, is refused without saying more (no id, no status). The claim is taken before
     * the registration is stored, so a holder not stored yet is one being submitted at this moment
     * (refused the same way) unless its claim is older than {@link #IN_FLIGHT}: then it outlived an
     * application that never got stored, and gives the claim up, as a rejected one does.
     */
    private void claim(Registration registration) {
        String name = claimOf(registration);
        for (int attempt = 0; attempt < 3; attempt++) {
            Instant now = now();
            Optional<Registrations.Claim> holder = registrations.claim(name, registration.id(), now);
            if (holder.isEmpty()) {
                return;
            }
            String holderId = holder.get().registrationId();
            Optional<Registration> held = registrations.lookup(holderId);
            boolean live = held.map(r -> r.status() != RegistrationStatus.REJECTED)
                    .orElse(!holderId.isEmpty() && holder.get().at().isAfter(now.minus(IN_FLIGHT)));
            if (live) {
                throw Problems.of(HttpStatus.CONFLICT, "registration-duplicate", "an application for this name in"
                        + " region " + registration.regionCode() + " is pending or approved already");
            }
            if (!holderId.isEmpty() && registrations.takeOver(name, holderId, registration.id(), now)) {
                return;
            }
        }
        throw Problems.conflict("another application for this name is being submitted; try again");
    }

    /** Region and name, the name folded (NFKC, no white space, lower case) so look-alikes collide. */
    static String claimOf(Registration registration) {
        String folded = Normalizer.normalize(registration.name(), Normalizer.Form.NFKC).replaceAll("\\s+", "")
                .toLowerCase(Locale.ROOT);
        return registration.regionCode() + ":" + folded;
    }

    public Registration get(Caller caller, String id) {
        BoundCallers.requireBureau(caller, "read registrations");
        return registrations.find(caller, id).orElseThrow(() -> Problems.notFound("registration " + id));
    }

    public Page<Registration> list(Caller caller, RegistrationStatus status, PageRequest page) {
        BoundCallers.requireBureau(caller, "read registrations");
        return registrations.page(caller, status, page);
    }

    public Approval approve(Caller caller, String id, long version) {
        Registration approved = review(caller, id, version, RegistrationStatus.APPROVED, null);
        Incubator incubator = createIncubator(caller, approved);
        if (incubator == null) {
            return new Approval(approved, null, "the incubator " + id + " was changed or deleted since; issue its key"
                    + " at /api/incubators/" + id + "/key");
        }
        try {
            IssuedKey key = keys.issueFor(caller, incubator);
            return new Approval(approved, key, null);
        } catch (KeyIssuer.Unavailable e) {
            return new Approval(approved, null, abbreviate("no key was issued: " + e.getMessage()
                    + "; issue it later at /api/incubators/" + id + "/key"));
        }
    }

    public Registration reject(Caller caller, String id, long version, String reason) {
        Registration rejected = review(caller, id, version, RegistrationStatus.REJECTED, reason.strip());
        registrations.release(claimOf(rejected), rejected.id());
        return rejected;
    }

    /**
     * 404 outside the caller's region, 403 without WRITE, 409 unless PENDING at {@code version}.
     * The state and version checks are repeated by the conditional update itself, which decides
     * between concurrent reviewers; reading first only makes the answer precise.
     */
    private Registration review(Caller caller, String id, long version, RegistrationStatus to, String reason) {
        Registration current = get(caller, id);
        caller.requireWrite(current.regionCode());
        if (caller.region().tier() == Tier.DISTRICT) {
            // A district bureau is the applicant's closest sponsor, so the decision rests one tier
            // up, with the city (docs/decisions.md, issue 14).
            throw Problems.forbidden("a district bureau does not decide on registrations; the city's bureau does");
        }
        refuseUnlessPendingAt(caller, current, version);
        return registrations.review(id, version, to, caller.clientId(), now(), reason).orElseGet(() -> {
            refuseUnlessPendingAt(caller, get(caller, id), version); // a concurrent reviewer won: say how
            throw Problems.conflict("registration " + id + " changed while it was reviewed; read it again");
        });
    }

    private void refuseUnlessPendingAt(Caller caller, Registration current, long version) {
        if (current.status() != RegistrationStatus.PENDING) {
            if (current.status() == RegistrationStatus.APPROVED) {
                // Approval stores the decision first, then the incubator: should the service have
                // stopped in between, any later review attempt completes it (same id, never two).
                createIncubator(caller, current);
            }
            throw Problems.of(HttpStatus.CONFLICT, "registration-state", "registration " + current.id() + " was "
                    + current.status() + " by " + current.reviewedBy() + " at " + current.reviewedAt()
                    + "; a review is final");
        }
        if (current.version() != version) {
            throw Problems.staleVersion(version, current.version());
        }
    }

    /**
     * Writes the incubator through the kit's write path as the reviewer (change feed, audit),
     * from the stored registration alone, so every attempt sends the same content: the first
     * creates it, any other finds it unchanged (or, once edited, in conflict: null) and writes
     * nothing; one deleted since is created again, as a lost one is.
     */
    private Incubator createIncubator(Caller reviewer, Registration approved) {
        IncubatorInput incubator = new IncubatorInput(approved.name(), approved.regionCode(), approved.kind(), null,
                approved.legalEntity(), approved.hostCountry(), approved.hostCity(), null, null, null, null, null,
                null, null, null, null, null, null, null, null, "self-registered (registration " + approved.id()
                        + "), approved by " + approved.reviewedBy() + " at " + approved.reviewedAt()
                        + "; name and kind as the incubator declared them", null);
        RecordResult result = incubators.writeApproved(reviewer, approved.id(), incubator);
        if (result.outcome() == Outcome.REJECTED) {
            throw new IllegalStateException("the incubator of registration " + approved.id() + " was refused: "
                    + result.errors());
        }
        return result.outcome() == Outcome.CONFLICT ? null : incubators.lookup(approved.id()).orElse(null);
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 297) + "...";
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS); // what the store keeps
    }
}
