package cn.dzn.fund.agreements;

import static com.mongodb.client.model.Filters.empty;
import static com.mongodb.client.model.Filters.or;

import java.util.List;

import org.bson.conversions.Bson;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.dzn.platform.errors.FieldError;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.regions.RegionCode;
import cn.dzn.platform.regions.RegionFilters;
import cn.dzn.platform.resources.RecordStore;
import cn.dzn.platform.resources.ResourceDeclaration;
import cn.dzn.platform.resources.ResourceKit;

/**
 * Mutual-recognition agreements as a resource of the kit, at {@code /api/voucher-agreements}:
 * written by the region containing every party, read by that region and by every party.
 */
@Configuration
class AgreementResource extends ResourceDeclaration<AgreementInput, Agreement> {

    AgreementResource() {
        super("/api/voucher-agreements", "voucher_agreements", AgreementInput.class, Agreement.class,
                AgreementInput::regionCode);
    }

    @Bean
    RecordStore<AgreementInput, Agreement> agreementStore(ResourceKit kit) {
        return kit.store(this);
    }

    @Override
    public Bson visibleTo(Caller caller) {
        if (caller.region().equals(RegionCode.NATIONAL)) {
            return empty();
        }
        return or(RegionFilters.inside("regionCode", caller.region()), RegionFilters.anyInside("parties",
                caller.region()));
    }

    @Override
    public void check(AgreementInput input, List<FieldError> errors) {
        if (input.validUntil().isBefore(input.validFrom())) {
            errors.add(new FieldError("validUntil", "must not be before validFrom"));
        }
        RegionCode owner = RegionCode.of(input.regionCode());
        List<String> parties = input.parties();
        for (int i = 0; i < parties.size(); i++) {
            if (!owner.contains(parties.get(i))) {
                errors.add(new FieldError("parties[" + i + "]", parties.get(i) + " lies outside " + owner
                        + ", which records the agreement and must contain every party"));
            }
            for (int j = 0; j < parties.size(); j++) {
                if (i != j && RegionCode.of(parties.get(j)).contains(parties.get(i))) {
                    errors.add(new FieldError("parties[" + i + "]", parties.get(i) + " lies inside "
                            + parties.get(j) + ": parties are distinct regions, none inside another"));
                    break;
                }
            }
        }
    }
}
