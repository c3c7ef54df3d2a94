package cn.dzn.zone.zones;

import static com.mongodb.client.model.Filters.empty;
import static com.mongodb.client.model.Filters.or;

import java.util.List;

import org.bson.conversions.Bson;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import cn.dzn.platform.errors.FieldError;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.regions.RegionFilters;
import cn.dzn.platform.regions.RegionCode;
import cn.dzn.platform.regions.Tier;
import cn.dzn.platform.resources.RecordStore;
import cn.dzn.platform.resources.ResourceDeclaration;
import cn.dzn.platform.resources.ResourceKit;

/**
 * Zones as a resource of the kit (docs/sync.md), served at {@code /api/zones} with server-made
 * ids: the bureaus of the owning region and of every member city see a zone (they report for
 * their part of it); the owning region's callers change it.
 */
@Configuration
class ZoneResource extends ResourceDeclaration<ZoneInput, Zone> {

    private final ZoneService zones;

    /** The service reads the store this declaration makes: it is looked up when first used. */
    ZoneResource(@Lazy ZoneService zones) {
        super("/api/zones", "zones", ZoneInput.class, Zone.class, ZoneInput::regionCode);
        this.zones = zones;
    }

    @Bean
    RecordStore<ZoneInput, Zone> zoneStore(ResourceKit kit) {
        return kit.store(this);
    }

    /**
     * Members are cities or districts (上海闵行 is a district), never a province or the nation,
     * and lie inside the zone's own region: members see the zone, so a zone may only reach
     * cities its owner could write for (docs/decisions.md, issue 14); one spanning provinces
     * belongs to the nation. A build period ends no earlier than it starts.
     */
    @Override
    public void check(ZoneInput input, List<FieldError> errors) {
        List<String> members = input.memberCities();
        RegionCode owner = RegionCode.of(input.regionCode());
        for (int i = 0; i < members.size(); i++) {
            RegionCode member = RegionCode.of(members.get(i));
            Tier tier = member.tier();
            if (tier != Tier.CITY && tier != Tier.DISTRICT) {
                errors.add(new FieldError("memberCities[" + i + "]", "must be a city or district code, not a " + tier));
            } else if (!owner.contains(member)) {
                errors.add(new FieldError("memberCities[" + i + "]", "lies outside the zone's region "
                        + owner + "; a zone spanning regions belongs to a region containing all its members"));
            }
        }
        if (members.stream().distinct().count() != members.size()) {
            errors.add(new FieldError("memberCities", "must not repeat a city"));
        }
        BuildPeriod period = input.buildPeriod();
        if (period != null && period.fromYear() > period.toYear()) {
            errors.add(new FieldError("buildPeriod.toYear", "must not be before fromYear " + period.fromYear()));
        }
    }

    @Override
    public Bson visibleTo(Caller caller) {
        if (caller.region().equals(RegionCode.NATIONAL)) {
            return empty();
        }
        return or(RegionFilters.inside("regionCode", caller.region()),
                RegionFilters.anyInside("memberCities", caller.region()));
    }
}
