package cn.dzn.zone.lists;

import static com.mongodb.client.model.Filters.empty;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.bson.conversions.Bson;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.dzn.platform.errors.FieldError;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.resources.RecordStore;
import cn.dzn.platform.resources.ResourceDeclaration;
import cn.dzn.platform.resources.ResourceKit;
import cn.dzn.zone.periods.Period;
import cn.dzn.zone.zones.Zone;
import cn.dzn.zone.zones.ZoneService;

/**
 * Demand and scenario lists as a resource of the kit (docs/sync.md), served at {@code /api/lists}
 * under their natural key {@code zoneId.kind.period}, one per zone, kind and period. The zone
 * publishes them (seed 004 §四: "示范区要…定期发布"), so they belong to its lead region; they are
 * published to be read, so every caller reads every list.
 */
@Configuration
class ListResource extends ResourceDeclaration<ListInput, PublishedList> {

    private final ZoneService zones;
    private final Clock clock;

    ListResource(ZoneService zones, Clock clock) {
        super("/api/lists", "lists", ListInput.class, PublishedList.class, ListInput::regionCode);
        this.zones = zones;
        this.clock = clock;
    }

    @Bean
    RecordStore<ListInput, PublishedList> listStore(ResourceKit kit) {
        return kit.store(this);
    }

    /** {@code /api/lists/items} is the item search (ListController). */
    @Override
    public Set<String> reservedIds() {
        return Set.of("items");
    }

    @Override
    public List<ListFilter> listFilters() {
        return List.of(ListFilter.of("zoneId"), ListFilter.of("period"), ListFilter.of("kind", ListKind.class));
    }

    @Override
    public String naturalId(ListInput input) {
        if (input.zoneId() == null || input.kind() == null || input.period() == null) {
            return null;
        }
        return input.zoneId() + "." + input.kind() + "." + input.period();
    }

    @Override
    public void check(ListInput input, List<FieldError> errors) {
        Period.checkStarted(input.period(), clock, errors);
    }

    @Override
    public void checkReferences(ListInput input, List<FieldError> errors) {
        Zone zone = zones.lookup(input.zoneId()).orElse(null);
        if (zone == null) {
            errors.add(new FieldError("zoneId", "no zone " + input.zoneId()));
        } else if (!zone.regionCode().equals(input.regionCode())) {
            errors.add(new FieldError("regionCode", "a zone's lists are published by its lead region "
                    + zone.regionCode()));
        }
    }

    @Override
    public Bson visibleTo(Caller caller) {
        return empty();
    }
}
