package cn.dzn.incubator.incubators;

import static com.mongodb.client.model.Filters.eq;

import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.dzn.platform.errors.FieldError;
import cn.dzn.platform.resources.RecordStore;
import cn.dzn.platform.resources.ResourceDeclaration;
import cn.dzn.platform.resources.ResourceKit;

/**
 * Incubators as a resource of the kit (docs/sync.md), at {@code /api/incubators} beside the
 * registrations; the kit's figures count them all as {@code incubators}, and the overseas ones
 * apart. A stub until the incubator model is built: the record is its own input.
 */
@Configuration
class IncubatorResource extends ResourceDeclaration<Incubator, Incubator> {

    IncubatorResource() {
        super("/api/incubators", "incubators", Incubator.class, Incubator.class, Incubator::regionCode);
    }

    @Bean
    RecordStore<Incubator, Incubator> incubatorStore(ResourceKit kit) {
        return kit.store(this);
    }

    @Override
    public void check(Incubator incubator, List<FieldError> errors) {
        HostCountry.check(incubator.kind(), incubator.hostCountry(), errors);
    }

    @Override
    public Map<String, Figure> figures() {
        return Map.of("overseasIncubators", Figure.count(eq("kind", IncubatorKind.OVERSEAS_INCUBATOR.name())));
    }
}
