package cn.dzn.incubator.pairings;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.or;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.dzn.platform.resources.RecordStore;

/** The pairings feature for the moves between pairs: they read pairings through it, never by collection name. */
@Service
public class PairingService {

    private final RecordStore<PairingInput, Pairing> store;

    public PairingService(RecordStore<PairingInput, Pairing> store) {
        this.store = store;
    }

    /** A live pairing whoever asks: for the service's own checks, never for an answer to a caller. */
    public Optional<Pairing> lookup(String id) {
        return id == null ? Optional.empty() : store.lookup(id);
    }

    /** The ids of the live pairings {@code incubatorId} is a side of (a handful: an incubator has few pairs). */
    public List<String> idsOf(String incubatorId) {
        return store.liveRecords(or(eq("overseasId", incubatorId), eq("localId", incubatorId))).stream()
                .map(Pairing::id).toList();
    }
}
