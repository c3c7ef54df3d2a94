package cn.dzn.fund.vouchers;

import static com.mongodb.client.model.Filters.elemMatch;
import static com.mongodb.client.model.Filters.empty;
import static com.mongodb.client.model.Filters.or;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.dzn.fund.money.Money;
import cn.dzn.fund.money.OwnWrites;
import cn.dzn.platform.errors.FieldError;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.regions.RegionCode;
import cn.dzn.platform.regions.RegionFilters;
import cn.dzn.platform.resources.RecordStore;
import cn.dzn.platform.resources.ResourceDeclaration;
import cn.dzn.platform.resources.ResourceKit;

/**
 * Vouchers as a resource of the kit, at {@code /api/vouchers}. The issuing region writes them;
 * a region where one was redeemed reads it too (a cross-region redemption is visible to both
 * regions). Every write of a voucher is conditional on the version read, redemptions included,
 * so a revocation and a redemption racing each other are decided one after the other.
 */
@Configuration
class VoucherResource extends ResourceDeclaration<VoucherInput, Voucher> {

    VoucherResource() {
        super("/api/vouchers", "vouchers", VoucherInput.class, Voucher.class, VoucherInput::regionCode);
    }

    @Bean
    RecordStore<VoucherInput, Voucher> voucherStore(ResourceKit kit) {
        return kit.store(this);
    }

    @Override
    public Bson visibleTo(Caller caller) {
        if (caller.region().equals(RegionCode.NATIONAL)) {
            return empty();
        }
        return or(RegionFilters.inside("regionCode", caller.region()),
                elemMatch("redemptions", RegionFilters.inside("providerRegion", caller.region())));
    }

    @Override
    public List<ListFilter> listFilters() {
        return List.of(ListFilter.of("status", VoucherStatus.class), ListFilter.of("rule", RedemptionRule.class));
    }

    /** Figures in 万元 of the vouchers inside the regions asked: issued, and redeemed so far. */
    @Override
    public Map<String, Figure> figures() {
        return Map.of("vouchersIssuedWan", Figure.sum("faceValueWan", new Document()),
                "vouchersRedeemedWan", Figure.sum("redeemedWan", new Document()));
    }

    @Override
    public void check(VoucherInput input, List<FieldError> errors) {
        if (input.expiresOn().isBefore(input.issuedOn())) {
            errors.add(new FieldError("expiresOn", "must not be before issuedOn"));
        }
        if (new HashSet<>(input.categories()).size() != input.categories().size()) {
            errors.add(new FieldError("categories", "names a category twice"));
        }
        boolean revoked = input.status() == VoucherStatus.REVOKED;
        if (revoked == (input.revocationReason() == null || input.revocationReason().isBlank())) {
            errors.add(new FieldError("revocationReason", revoked ? "says why the voucher is revoked; required"
                    : "belongs to a revoked voucher only"));
        }
        BigDecimal spent = input.redemptions().stream().map(Redemption::amountWan).reduce(Money.wan(0),
                BigDecimal::add);
        if (spent.compareTo(input.redeemedWan()) != 0 || spent.compareTo(input.faceValueWan()) > 0) {
            errors.add(new FieldError("redeemedWan", "must be the sum of the redemptions, at most the face value"));
        }
    }

    /**
     * A client issues a voucher unspent, edits it, and may revoke it; what it has spent is the
     * service's to record. Revoked and fully redeemed vouchers are final, and one that has been
     * spent from keeps its face value and rule and is never deleted, only revoked.
     */
    @Override
    public void checkChange(Caller caller, VoucherInput stored, VoucherInput input, List<FieldError> errors) {
        if (OwnWrites.active() || Objects.equals(stored, input)) {
            return;
        }
        boolean spent = stored != null && !stored.redemptions().isEmpty();
        if (input == null) {
            if (spent) {
                errors.add(new FieldError("", "a voucher that has been redeemed from stays on record; revoke it"));
            }
            return;
        }
        if (stored != null && stored.status() != VoucherStatus.ISSUED) {
            errors.add(new FieldError("status", "the voucher is " + stored.status() + ", which is final"));
        } else if (input.status() == VoucherStatus.REDEEMED) {
            errors.add(new FieldError("status", "a voucher is REDEEMED by its redemptions, at "
                    + "POST /api/vouchers/{id}/redemptions"));
        } else if (!input.redemptions().equals(stored == null ? List.of() : stored.redemptions())
                || input.redeemedWan().compareTo(stored == null ? Money.wan(0) : stored.redeemedWan()) != 0) {
            errors.add(new FieldError("redemptions", "redemptions are recorded by the service at "
                    + "POST /api/vouchers/{id}/redemptions; send them as read"));
        } else if (spent && (stored.faceValueWan().compareTo(input.faceValueWan()) != 0
                || stored.rule() != input.rule())) {
            errors.add(new FieldError("faceValueWan", "a voucher that has been redeemed from keeps its face value "
                    + "and rule"));
        }
    }
}
