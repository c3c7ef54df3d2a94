package cn.dzn.fund.agreements;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lte;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.dzn.platform.resources.RecordStore;

/** Which agreement, if any, lets a voucher of one region be redeemed in another on a day. */
@Service
public class AgreementService {

    private final RecordStore<AgreementInput, Agreement> agreements;

    AgreementService(RecordStore<AgreementInput, Agreement> agreements) {
        this.agreements = agreements;
    }

    public Optional<Agreement> covering(String issuer, String provider, LocalDate day) {
        return agreements.liveRecords(and(lte("validFrom", day), gte("validUntil", day))).stream()
                .filter(agreement -> agreement.covers(issuer, provider, day)).findFirst();
    }
}
