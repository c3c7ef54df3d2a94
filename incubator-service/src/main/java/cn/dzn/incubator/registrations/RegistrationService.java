package cn.dzn.incubator.registrations;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.types.ObjectId;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import cn.dzn.incubator.incubators.HostCountry;
import cn.dzn.incubator.incubators.Incubator;
import cn.dzn.platform.errors.FieldError;
import cn.dzn.platform.errors.Problems;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.regions.Tier;
import cn.dzn.platform.regions.RegionCode;
import cn.dzn.platform.resources.Outcome;
import cn.dzn.platform.resources.RecordResult;
import cn.dzn.platform.resources.RecordStore;
import cn.dzn.platform.web.Page;
import cn.dzn.platform.web.PageRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Self-registration (DESIGN.md, incubator-service): anyone submits; a bureau whose region
 * contains the registration's (a WRITE caller of its city, province or the nation; a district
 * reads it but does not decide) approves or rejects it once. Approval creates the incubator under the
 * registration's id.
 */
@Service
public class RegistrationService {

    private final Registrations registrations;
    private final RecordStore<Incubator, Incubator> incubators;
    private final JsonMapper json;
    private final Clock clock;

    public RegistrationService(Registrations registrations, RecordStore<Incubator, Incubator> incubators,
            JsonMapper json, Clock clock) {
        this.registrations = registrations;
        this.incubators = incubators;
        this.json = json;
        this.clock = clock;
    }

    public Registration submit(RegistrationInput input) {
        List<FieldError> errors = new ArrayList<>();
        if (RegionCode.NATIONAL.code().equals(input.regionCode())) {
            errors.add(new FieldError("regionCode", "name the home province, city or district, not the national tier"));
        }
        HostCountry.check(input.kind(), input.hostCountry(), errors);
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        Registration registration = new Registration("inc-" + new ObjectId().toHexString(), input.name().strip(),
                input.kind(), input.regionCode(), input.hostCountry(), input.contactEmail().strip(),
                input.description(), RegistrationStatus.PENDING, now(), null, null, null, null, 1);
        registrations.insert(registration);
        return registration;
    }

    public Registration get(Caller caller, String id) {
        return registrations.find(caller, id).orElseThrow(() -> Problems.notFound("registration " + id));
    }

    public Page<Registration> list(Caller caller, RegistrationStatus status, PageRequest page) {
        return registrations.page(caller, status, page);
    }

    public Registration approve(Caller caller, String id, long version) {
        Registration approved = review(caller, id, version, RegistrationStatus.APPROVED, null);
        createIncubator(caller, approved);
        return approved;
    }

    public Registration reject(Caller caller, String id, long version, String reason) {
        return review(caller, id, version, RegistrationStatus.REJECTED, reason.strip());
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
     * Writes the incubator as one record of a sync batch by the reviewer: the kit's write path is
     * the only one that numbers it in the change feed and audits it. Made from the stored
     * registration alone, so every attempt sends the same content: the first creates it, any
     * other finds it unchanged (or, once edited, in conflict) and writes nothing; one deleted
     * since is created again, as a lost one is.
     */
    private void createIncubator(Caller reviewer, Registration approved) {
        Incubator incubator = new Incubator(approved.id(), approved.name(), approved.regionCode(), approved.kind(),
                approved.hostCountry(), null, "self-registered (registration " + approved.id() + "), approved by "
                        + approved.reviewedBy() + " at " + approved.reviewedAt()
                        + "; name and kind as the incubator declared them", null);
        byte[] batch = json.writeValueAsBytes(
                Map.of("records", List.of(Map.of("id", approved.id(), "data", incubator))));
        // A fresh key per attempt: a replayed answer would not write again an incubator that was lost.
        RecordResult result = incubators.sync(reviewer, "approval-" + UUID.randomUUID(), batch).results().get(0);
        if (result.outcome() == Outcome.REJECTED) {
            throw new IllegalStateException("the incubator of registration " + approved.id() + " was refused: "
                    + result.errors());
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS); // what the store keeps
    }
}
