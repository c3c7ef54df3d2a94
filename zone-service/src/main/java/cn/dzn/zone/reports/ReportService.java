package cn.dzn.zone.reports;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.empty;
import static com.mongodb.client.model.Filters.eq;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.bson.conversions.Bson;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import cn.dzn.platform.errors.FieldError;
import cn.dzn.platform.errors.Problems;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.sync.Candidate;
import cn.dzn.platform.sync.RecordStore;
import cn.dzn.platform.sync.WriteContext;
import cn.dzn.platform.web.Page;
import cn.dzn.platform.web.PageRequest;

/**
 * The API's report operations: a report is put under its natural key, then moved through its
 * states by submit, verify and return, each one versioned write through the shared write path.
 * A move the state machine refuses is a 409 (the report is not in a state that allows it), one
 * by the wrong tier a 403.
 */
@Service
public class ReportService {

    private final RecordStore<ReportInput, Report> reports;
    private final ReportResource resource;
    private final Clock clock;

    public ReportService(RecordStore<ReportInput, Report> reports, ReportResource resource, Clock clock) {
        this.reports = reports;
        this.resource = resource;
        this.clock = clock;
    }

    public Report put(Caller caller, String requestId, String id, ReportInput input, Long expectedVersion) {
        caller.requireWrite(input.regionCode());
        if (!id.equals(resource.naturalId(input))) {
            throw Problems.invalid(List.of(new FieldError("id", "a report's id is zoneId.regionCode.period: "
                    + resource.naturalId(input))));
        }
        if (input.status() == ReportStatus.VERIFIED || input.status() == ReportStatus.RETURNED) {
            throw Problems.invalid(List.of(new FieldError("status", "DRAFT or SUBMITTED here; the tier above "
                    + "verifies or returns with POST /api/reports/{id}/verify or /return")));
        }
        List<FieldError> errors = new ArrayList<>();
        resource.check(input, errors);
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        reports.find(caller, id).filter(stored -> stored.status() == ReportStatus.SUBMITTED
                || stored.status() == ReportStatus.VERIFIED).ifPresent(stored -> {
                    throw Problems.of(HttpStatus.CONFLICT, "report-state", "the report is " + stored.status()
                            + (stored.status() == ReportStatus.SUBMITTED
                                    ? "; it can be edited again once the tier above returns it" : " and final"));
                });
        return write(caller, requestId, Candidate.upsert(id, expectedVersion, input));
    }

    public Report get(Caller caller, String id) {
        return reports.get(caller, id);
    }

    public Page<Report> list(Caller caller, String zoneId, String period, ReportStatus status, PageRequest page) {
        List<Bson> filters = new ArrayList<>();
        if (zoneId != null) {
            filters.add(eq("zoneId", zoneId));
        }
        if (period != null) {
            filters.add(eq("period", period));
        }
        if (status != null) {
            filters.add(eq("status", status.name()));
        }
        return reports.page(caller, filters.isEmpty() ? empty() : and(filters), page);
    }

    /** Moves a report to {@code to}: SUBMITTED by the reporting side, VERIFIED or RETURNED by the tier above. */
    public Report move(Caller caller, String requestId, String id, ReportStatus to, String reason, long expectedVersion) {
        Report report = reports.get(caller, id);
        caller.requireWrite(report.regionCode());
        boolean byTierAbove = to == ReportStatus.VERIFIED || to == ReportStatus.RETURNED;
        if (byTierAbove && !ReportResource.isTierAbove(caller, report.regionCode())) {
            throw Problems.forbidden("only the tier above " + report.regionCode() + " marks its report " + to);
        }
        ReportStatus required = byTierAbove ? ReportStatus.SUBMITTED : null;
        if (required != null && report.status() != required
                || to == ReportStatus.SUBMITTED && report.status() != ReportStatus.DRAFT
                        && report.status() != ReportStatus.RETURNED) {
            throw Problems.of(HttpStatus.CONFLICT, "report-state", "the report is " + report.status()
                    + "; it cannot become " + to);
        }
        ReportInput moved = new ReportInput(report.zoneId(), report.regionCode(), report.period(), to,
                report.values(), report.note(), to == ReportStatus.RETURNED ? reason : null, null);
        return write(caller, requestId, Candidate.upsert(id, expectedVersion, moved));
    }

    private Report write(Caller caller, String requestId, Candidate<ReportInput> candidate) {
        return reports.writeOne(WriteContext.api(caller, requestId, clock.instant()), candidate);
    }
}
