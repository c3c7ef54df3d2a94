package cn.dzn.zone.reports;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.sync.SyncEndpoints;
import cn.dzn.platform.web.IfMatch;
import cn.dzn.platform.web.Page;
import cn.dzn.platform.web.PageRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * {@code /api/reports}: indicator reports (issue 4). {@code PUT /{id}} creates or edits a report
 * under its natural key {@code zoneId.regionCode.period} (If-Match to edit); submit, verify and
 * return move it through its states (If-Match required).
 */
@RestController
@RequestMapping("/api/reports")
public class ReportController {

    private static final String REQUEST_ID = "X-Request-Id";

    private final ReportService reports;

    public ReportController(ReportService reports) {
        this.reports = reports;
    }

    /** Why a report goes back to its city. */
    public record ReturnRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    @PutMapping("/{id}")
    public ResponseEntity<Report> put(@AuthenticationPrincipal Caller caller, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = REQUEST_ID, required = false) String requestId, @Valid @RequestBody ReportInput input) {
        Long expected = ifMatch == null && input.version() == null ? null : IfMatch.version(ifMatch, input.version());
        return answer(reports.put(caller, SyncEndpoints.requestIdOr(requestId), id, input, expected));
    }

    @GetMapping("/{id}")
    public ResponseEntity<Report> get(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        return answer(reports.get(caller, id));
    }

    @GetMapping
    public Page<Report> list(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String zoneId,
            @RequestParam(required = false) String period, @RequestParam(required = false) ReportStatus status,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String after) {
        return reports.list(caller, zoneId, period, status, PageRequest.of(limit, after));
    }

    @PostMapping("/{id}/submit")
    public ResponseEntity<Report> submit(@AuthenticationPrincipal Caller caller, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = REQUEST_ID, required = false) String requestId) {
        return answer(reports.move(caller, SyncEndpoints.requestIdOr(requestId), id, ReportStatus.SUBMITTED, null,
                IfMatch.version(ifMatch, null)));
    }

    @PostMapping("/{id}/verify")
    public ResponseEntity<Report> verify(@AuthenticationPrincipal Caller caller, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = REQUEST_ID, required = false) String requestId) {
        return answer(reports.move(caller, SyncEndpoints.requestIdOr(requestId), id, ReportStatus.VERIFIED, null,
                IfMatch.version(ifMatch, null)));
    }

    @PostMapping("/{id}/return")
    public ResponseEntity<Report> giveBack(@AuthenticationPrincipal Caller caller, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = REQUEST_ID, required = false) String requestId,
            @Valid @RequestBody ReturnRequest request) {
        return answer(reports.move(caller, SyncEndpoints.requestIdOr(requestId), id, ReportStatus.RETURNED,
                request.reason(), IfMatch.version(ifMatch, null)));
    }

    private static ResponseEntity<Report> answer(Report report) {
        return ResponseEntity.ok().eTag(IfMatch.etag(report.version())).body(report);
    }
}
