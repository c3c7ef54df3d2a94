package cn.dzn.incubator.pairings;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.conversions.Bson;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.dzn.incubator.incubators.BoundCallers;
import cn.dzn.platform.errors.FieldError;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.resources.RecordStore;
import cn.dzn.platform.resources.ResourceDeclaration;
import cn.dzn.platform.resources.ResourceKit;

/**
 * Projects moving between a pair, in either direction (seed 002 §28), as a resource of the kit at
 * {@code /api/incubators/pairings/moves}: recorded by the pairing's region (its bureau, or the
 * overseas incubator with its own key, which runs the link between the two), read by both sides'
 * keys. A move happens while the pair is confirmed: on or after the day it started and, once it
 * ended, not after that day.
 */
@Configuration
class MoveResource extends ResourceDeclaration<MoveInput, Move> {

    static final String PATH = PairingResource.PATH + "/moves";

    private final PairingService pairings;

    MoveResource(PairingService pairings) {
        super(PATH, "pairing_moves", MoveInput.class, Move.class, MoveInput::regionCode);
        this.pairings = pairings;
    }

    @Bean
    RecordStore<MoveInput, Move> moveStore(ResourceKit kit) {
        return kit.store(this);
    }

    @Override
    public List<ListFilter> listFilters() {
        return List.of(ListFilter.of("pairingId"), ListFilter.of("direction", MoveDirection.class));
    }

    @Override
    public void checkReferences(MoveInput input, List<FieldError> errors) {
        Pairing pairing = pairings.lookup(input.pairingId()).orElse(null);
        if (pairing == null) {
            errors.add(new FieldError("pairingId", "no pairing " + input.pairingId()));
            return;
        }
        if (!pairing.regionCode().equals(input.regionCode())) {
            errors.add(new FieldError("regionCode", "a move belongs to its pairing's region, " + pairing.regionCode()));
        }
        if (pairing.status() == PairingStatus.PROPOSED) {
            errors.add(new FieldError("pairingId", "the pair is not confirmed yet; projects move between confirmed"
                    + " pairs"));
        } else if (pairing.startedOn() == null || input.movedOn().isBefore(pairing.startedOn())) {
            errors.add(new FieldError("movedOn", "is before the pair started"
                    + (pairing.startedOn() == null ? "" : " on " + pairing.startedOn())));
        } else if (pairing.endedOn() != null && input.movedOn().isAfter(pairing.endedOn())) {
            errors.add(new FieldError("movedOn", "is after the pair ended on " + pairing.endedOn()));
        }
    }

    @Override
    public void checkChange(Caller caller, MoveInput stored, MoveInput input, List<FieldError> errors) {
        if (stored != null && stored.equals(input)) {
            return;
        }
        Optional<String> own = BoundCallers.incubatorOf(caller);
        if (own.isEmpty()) {
            return;
        }
        MoveInput record = input != null ? input : stored;
        boolean overseasSide = pairings.lookup(record.pairingId()).filter(p -> own.get().equals(p.overseasId()))
                .isPresent();
        boolean samePair = stored == null || input == null || stored.pairingId().equals(input.pairingId());
        if (!overseasSide || !samePair) {
            errors.add(new FieldError("pairingId", "moves are recorded by the pair's overseas incubator and the"
                    + " bureau; the local incubator reads them"));
        } else if (input == null) {
            errors.add(new FieldError("", "an incubator's own key does not delete moves; its bureau does"));
        }
    }

    /** An incubator's own key sees the moves of the pairs it is a side of. */
    @Override
    public Bson visibleTo(Caller caller) {
        Optional<String> own = BoundCallers.incubatorOf(caller);
        return own.isEmpty() ? super.visibleTo(caller) : in("pairingId", pairings.idsOf(own.get()));
    }

    @Override
    public Map<String, Figure> figures() {
        return Map.of("projectsToOverseas", Figure.count(eq("direction", MoveDirection.TO_OVERSEAS.name())),
                "projectsToLocal", Figure.count(eq("direction", MoveDirection.TO_LOCAL.name())));
    }
}
