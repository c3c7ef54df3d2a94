package cn.dzn.talent.professionals;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.dzn.platform.errors.Problems;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.regions.RegionCode;
import cn.dzn.platform.regions.RegionFilters;
import cn.dzn.platform.regions.Tier;
import cn.dzn.platform.resources.RecordStore;

/**
 * What other features and this feature's own endpoints ask of professionals: one by id, counts by
 * level inside a region, and a professional's personal data for the one caller who may read it.
 */
@Service
public class ProfessionalService {

    private final RecordStore<ProfessionalInput, Professional> professionals;
    private final StoredProfessionals stored;

    ProfessionalService(RecordStore<ProfessionalInput, Professional> professionals, StoredProfessionals stored) {
        this.professionals = professionals;
        this.stored = stored;
    }

    /** A live professional whoever asks: for the service's own checks, never for an answer to a caller. */
    public Optional<Professional> lookup(String id) {
        return professionals.lookup(id);
    }

    /** Live professionals inside {@code region}, by level: every level present, zero included. */
    Map<Level, Long> countByLevel(RegionCode region) {
        Map<Level, Long> counts = new EnumMap<>(Level.class);
        for (Level level : Level.values()) {
            counts.put(level, professionals.count(and(RegionFilters.inside("regionCode", region),
                    eq("level", level.name()))));
        }
        return counts;
    }

    /**
     * The professional's personal data, for a caller of its own city or district only: one who
     * cannot see the record gets 404 as for one that does not exist; a province or the nation,
     * which see the record, get 403 (issue 16: personal fields stay in the professional's region).
     */
    Personal personalFor(Caller caller, String id) {
        professionals.get(caller, id);
        Tier tier = caller.region().tier();
        if (tier == Tier.PROVINCE || tier == Tier.NATIONAL) {
            throw Problems.forbidden("personal data is read by the professional's own city only");
        }
        return stored.input(id).map(ProfessionalInput::personal)
                .orElseThrow(() -> Problems.notFound("personal data of talent " + id));
    }
}
