package cn.dzn.incubator.registrations;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.bson.types.ObjectId;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import cn.dzn.incubator.incubators.Incubator;
import cn.dzn.incubator.incubators.IncubatorKind;
import cn.dzn.incubator.incubators.Incubators;
import cn.dzn.platform.errors.FieldError;
import cn.dzn.platform.errors.Problems;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.regions.RegionCode;
import cn.dzn.platform.web.Page;
import cn.dzn.platform.web.PageRequest;

/**
 * Self-registration (DESIGN.md, incubator-service): anyone submits; the bureau of the
 * registration's region (a WRITE caller whose region contains it: district, city, province or
 * the nation) approves or rejects it once. Approval creates the incubator under the
 * registration's id.
 */
@Service
public class RegistrationService {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final Registrations registrations;
    private final Incubators incubators;
    private final Clock clock;

    public RegistrationService(Registrations registrations, Incubators incubators, Clock clock) {
        this.registrations = registrations;
        this.incubators = incubators;
        this.clock = clock;
    }

    public Registration submit(RegistrationInput input) {
        List<FieldError> errors = new ArrayList<>();
        if (RegionCode.NATIONAL.code().equals(input.regionCode())) {
            errors.add(new FieldError("regionCode", "name the home province, city or district, not the national tier"));
        }
        boolean overseas = input.kind() == IncubatorKind.OVERSEAS_INCUBATOR;
        if (overseas && input.hostCountry() == null) {
            errors.add(new FieldError("hostCountry", "an overseas incubator names the country it operates in"));
        } else if (!overseas && input.hostCountry() != null) {
            errors.add(new FieldError("hostCountry", "only an overseas incubator has a host country"));
        } else if (overseas && !COUNTRIES.contains(input.hostCountry())) {
            errors.add(new FieldError("hostCountry", "'" + input.hostCountry() + "' is not an ISO 3166-1 country"));
        } else if (overseas && "CN".equals(input.hostCountry())) {
            // Shenzhen plan §28 (seed 002): overseas incubators are built abroad, 在国际创新资源高度密集的国家.
            errors.add(new FieldError("hostCountry", "an overseas incubator operates outside China"));
        }
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
        createIncubator(approved);
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
        refuseUnlessPendingAt(current, version);
        return registrations.review(id, version, to, caller.clientId(), now(), reason).orElseGet(() -> {
            refuseUnlessPendingAt(get(caller, id), version); // a concurrent reviewer won: say how
            throw Problems.conflict("registration " + id + " changed while it was reviewed; read it again");
        });
    }

    private void refuseUnlessPendingAt(Registration current, long version) {
        if (current.status() != RegistrationStatus.PENDING) {
            if (current.status() == RegistrationStatus.APPROVED) {
                // Approval stores the decision first, then the incubator: should the service have
                // stopped in between, any later review attempt completes it (same id, never two).
                createIncubator(current);
            }
            throw Problems.of(HttpStatus.CONFLICT, "registration-state", "registration " + current.id() + " was "
                    + current.status() + " by " + current.reviewedBy() + " at " + current.reviewedAt()
                    + "; a review is final");
        }
        if (current.version() != version) {
            throw Problems.staleVersion(version, current.version());
        }
    }

    private void createIncubator(Registration approved) {
        incubators.insertIfAbsent(new Incubator(approved.id(), approved.name(), approved.regionCode(), approved.kind(),
                approved.hostCountry(), false, "self-registered (registration " + approved.id() + "), approved by "
                        + approved.reviewedBy() + " at " + approved.reviewedAt()
                        + "; name and kind as the incubator declared them"));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS); // what the store keeps
    }
}
