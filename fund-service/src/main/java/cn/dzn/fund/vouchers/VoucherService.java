package cn.dzn.fund.vouchers;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bson.types.ObjectId;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import cn.dzn.fund.agreements.Agreement;
import cn.dzn.fund.agreements.AgreementService;
import cn.dzn.fund.money.FundProperties;
import cn.dzn.fund.money.Money;
import cn.dzn.fund.money.OwnWrites;
import cn.dzn.platform.errors.Problems;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.identity.Role;
import cn.dzn.platform.regions.RegionCode;
import cn.dzn.platform.resources.Outcome;
import cn.dzn.platform.resources.RecordResult;
import cn.dzn.platform.resources.RecordStore;
import cn.dzn.platform.web.IfMatch;

/**
 * Redeeming vouchers. A redemption is written into the voucher at the version it was judged
 * against: of providers racing for one voucher, one write wins and the others read the voucher
 * again and are judged anew (spent, revoked, too little left), so a voucher is never spent twice
 * or beyond its face value. A provider outside the voucher's region redeems it only while a
 * mutual-recognition agreement covers both regions (seed 003 §22, seed 004 §五).
 */
@Service
class VoucherService {

    /** A redemption, and whether this request made it (rather than finding it made). */
    record Redeemed(Redemption redemption, boolean created) {
    }

    private final RecordStore<VoucherInput, Voucher> vouchers;
    private final AgreementService agreements;
    private final FundProperties properties;
    private final Clock clock;

    VoucherService(RecordStore<VoucherInput, Voucher> vouchers, AgreementService agreements,
            FundProperties properties, Clock clock) {
        this.vouchers = vouchers;
        this.agreements = agreements;
        this.properties = properties;
        this.clock = clock;
    }

    Redeemed redeem(Caller caller, String id, RedemptionRequest request) {
        caller.requireWrite(request.providerRegion());
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
        for (int attempt = 0; attempt < properties.maxAttempts(); attempt++) {
            Voucher voucher = vouchers.lookup(id).orElseThrow(() -> notFound(id));
            boolean local = RegionCode.of(voucher.regionCode()).contains(request.providerRegion());
            Optional<Agreement> agreement = local ? Optional.empty()
                    : agreements.covering(voucher.regionCode(), request.providerRegion(), today);
            if (!local && agreement.isEmpty()) {
                if (!caller.canSee(voucher.regionCode())) {
                    throw notFound(id);
                }
                throw OwnWrites.conflict("no-agreement", "no mutual-recognition agreement in force on " + today
                        + " covers vouchers of " + voucher.regionCode() + " redeemed in " + request.providerRegion()
                        + " (seed 003 §22, seed 004 §五)");
            }
            Optional<Redemption> made = voucher.redemptions().stream().filter(r -> r.reference()
                    .equals(request.reference()) && r.providerRegion().equals(request.providerRegion())).findFirst();
            if (made.isPresent()) {
                return new Redeemed(made.get(), false);
            }
            BigDecimal amount = judge(voucher, request, today);
            Redemption redemption = new Redemption(new ObjectId().toHexString(), amount, request.category(),
                    request.provider().strip(), request.providerRegion(), request.reference(),
                    agreement.map(Agreement::id).orElse(null), caller.clientId(), clock.instant());
            if (write(caller, voucher, redemption)) {
                return new Redeemed(redemption, true);
            }
        }
        throw OwnWrites.conflict("voucher-busy", "voucher " + id + " kept changing while it was redeemed; try again");
    }

    /**
     * The issuing region revokes an ISSUED voucher, saying why; final. Judged as the kit judges a
     * write (404, 403, 428, then 409); the write is conditional on the version read, so a
     * redemption racing it is decided before or after it, never beside it.
     */
    Voucher revoke(Caller caller, String id, String ifMatch, String reason) {
        Voucher voucher = vouchers.get(caller, id);
        caller.requireWrite(voucher.regionCode());
        long version = IfMatch.version(ifMatch, null);
        if (voucher.status() != VoucherStatus.ISSUED) {
            throw OwnWrites.conflict("voucher-state", "voucher " + id + " is " + voucher.status()
                    + "; only an ISSUED one is revoked");
        }
        if (voucher.version() != version) {
            throw Problems.staleVersion(version, voucher.version());
        }
        VoucherInput input = voucher.input();
        RecordResult result = vouchers.writeOne(caller, id, version, input.with(VoucherStatus.REVOKED, reason.strip(),
                input.redeemedWan(), input.redemptions()));
        if (!result.outcome().wrote()) {
            throw OwnWrites.refusal(result, version);
        }
        return vouchers.get(caller, id);
    }

    /** The redemptions of a voucher the caller sees; a provider's region sees only those made in it. */
    List<Redemption> redemptions(Caller caller, String id) {
        Voucher voucher = vouchers.get(caller, id);
        return caller.canSee(voucher.regionCode()) ? voucher.redemptions()
                : voucher.redemptions().stream().filter(r -> caller.canSee(r.providerRegion())).toList();
    }

    /** The amount to spend, or why the voucher refuses: its state (409) or what was asked of it (422). */
    private static BigDecimal judge(Voucher voucher, RedemptionRequest request, LocalDate today) {
        String what = "voucher " + voucher.id();
        switch (voucher.status()) {
            case REVOKED -> throw OwnWrites.conflict("voucher-revoked", what + " was revoked: "
                    + voucher.revocationReason());
            case REDEEMED -> throw OwnWrites.conflict("voucher-redeemed", what + " is already redeemed in full");
            default -> {
            }
        }
        if (today.isAfter(voucher.expiresOn())) {
            throw OwnWrites.conflict("voucher-expired", what + " expired on " + voucher.expiresOn());
        }
        if (today.isBefore(voucher.issuedOn())) {
            throw OwnWrites.conflict("voucher-not-yet-valid", what + " is valid from " + voucher.issuedOn());
        }
        if (!voucher.categories().contains(request.category())) {
            throw unfit(what + " pays for " + voucher.categories() + ", not " + request.category());
        }
        if (voucher.rule() == RedemptionRule.FULL) {
            if (request.amountWan() != null && request.amountWan().compareTo(voucher.faceValueWan()) != 0) {
                throw unfit(what + " is spent whole, for its face value of " + Money.text(voucher.faceValueWan()));
            }
            return voucher.faceValueWan();
        }
        if (request.amountWan() == null) {
            throw unfit(what + " is spent in parts: name amountWan");
        }
        if (request.amountWan().compareTo(voucher.remainingWan()) > 0) {
            throw OwnWrites.conflict("exceeds-remaining", Money.text(request.amountWan()) + " exceeds what is left of "
                    + what + ", " + Money.text(voucher.remainingWan()));
        }
        if (voucher.redemptions().size() >= VoucherInput.MAX_REDEMPTIONS) {
            throw OwnWrites.conflict("too-many-redemptions", what + " has had " + VoucherInput.MAX_REDEMPTIONS
                    + " redemptions, the most one voucher takes");
        }
        return request.amountWan();
    }

    /**
     * Writes the redemption into the voucher at the version judged, acting in the voucher's region
     * on the provider's behalf (the audit names the provider's client); false when the voucher
     * moved on meanwhile.
     */
    private boolean write(Caller caller, Voucher voucher, Redemption redemption) {
        List<Redemption> spent = new ArrayList<>(voucher.redemptions());
        spent.add(redemption);
        BigDecimal redeemed = voucher.redeemedWan().add(redemption.amountWan());
        VoucherStatus status = redeemed.compareTo(voucher.faceValueWan()) == 0 ? VoucherStatus.REDEEMED
                : VoucherStatus.ISSUED;
        Caller acting = new Caller(caller.clientId(), RegionCode.of(voucher.regionCode()), Set.of(Role.WRITE));
        RecordResult result = OwnWrites.write(vouchers, acting, voucher.id(), voucher.version(),
                voucher.input().with(status, null, redeemed, spent));
        if (result.outcome() == Outcome.CONFLICT) {
            return false;
        }
        if (!result.outcome().wrote()) {
            throw OwnWrites.refusal(result, voucher.version());
        }
        return true;
    }

    private static RuntimeException notFound(String id) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "voucher " + id + " does not exist, or lies outside "
                + "your region where no mutual-recognition agreement covers it");
    }

    private static RuntimeException unfit(String detail) {
        return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "redemption-unfit", detail);
    }
}
