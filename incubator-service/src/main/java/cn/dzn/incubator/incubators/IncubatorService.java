package cn.dzn.incubator.incubators;

import java.time.Clock;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.dzn.platform.errors.Problems;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.resources.RecordResult;
import cn.dzn.platform.resources.RecordStore;

/**
 * The incubators feature for the others (tenants, pairings, registrations, keys): they read and
 * write incubators through it, never by collection name (docs/sync.md).
 */
@Service
public class IncubatorService {

    private final RecordStore<IncubatorInput, Incubator> store;
    private final Clock clock;

    public IncubatorService(RecordStore<IncubatorInput, Incubator> store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A live incubator whoever asks: for the service's own checks, never for an answer to a caller. */
    public Optional<Incubator> lookup(String id) {
        return id == null ? Optional.empty() : store.lookup(id);
    }

    /** The incubator if the caller sees it, else 404 (as if it did not exist). */
    public Incubator visible(Caller caller, String id) {
        return store.find(caller, id).orElseThrow(() -> Problems.notFound("incubator " + id));
    }

    public Assessment assess(Caller caller, String id) {
        return Thresholds.assess(visible(caller, id), Formats.today(clock));
    }

    public MakerSpaceTarget makerSpaceTarget() {
        return MakerSpaceTarget.of(store.count(MakerSpaceTarget.newMakerSpaces()),
                store.count(MakerSpaceTarget.byTheDeadline()));
    }

    /**
     * Writes the incubator an approved registration makes, as the reviewer, through the kit's
     * write path (change feed, audit): created, or unchanged when an earlier attempt made it.
     */
    public RecordResult writeApproved(Caller reviewer, String id, IncubatorInput incubator) {
        return store.writeOne(reviewer, id, null, incubator);
    }
}
