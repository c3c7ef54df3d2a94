package cn.dzn.fund.investments;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import cn.dzn.fund.Refusal;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.web.IfMatch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;

/** Committing investments against a sub-fund's size, and what a sub-fund has left. */
@RestController
class InvestmentController {

    private final InvestmentService investments;

    InvestmentController(InvestmentService investments) {
        this.investments = investments;
    }

    @Operation(summary = "Commit a new investment from an established sub-fund (201; 200 when the key was seen)",
            description = "A writer of the sub-fund's region. The body names this sub-fund and its region. The "
                    + "sub-fund never commits more than its size, however many commitments race: a refused one "
                    + "is a 409 saying what is left. With Idempotency-Key the same request again is the same "
                    + "investment, answered rather than committed twice. At least three times the guidance part "
                    + "and half the size are kept for firms commercialising publicly funded results (DOMAIN.md): "
                    + "an investment with publiclyFundedResult false that would eat into that part is a 409.")
    @Refusal(status = 404, why = "no such sub-fund, or it lies outside the caller's region")
    @Refusal(status = 409, why = "the amount exceeds the sub-fund's remaining capacity or, for a firm without a "
            + "publicly funded result, what may still go to such firms; the sub-fund is not established, or the "
            + "idempotency key was used for another commitment")
    @PostMapping("/api/funds/sub-funds/{subFundId}/investments")
    ResponseEntity<Investment> commitNew(@AuthenticationPrincipal Caller caller,
            @PathVariable @Schema(maxLength = 64) String subFundId,
            @Parameter(description = "the client's key for this commitment", schema = @Schema(maxLength = 40))
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @Valid @RequestBody InvestmentInput input) {
        InvestmentService.Committed committed = investments.commitNew(caller, subFundId, key, input);
        return answer(committed, committed.created() ? HttpStatus.CREATED : HttpStatus.OK);
    }

    @Operation(summary = "Commit a proposed investment against its sub-fund's size (If-Match: its version)",
            description = "A writer of the investment's region. Once committed an investment is final.")
    @Refusal(status = 404, why = "no such investment, or it lies outside the caller's region")
    @Refusal(status = 409, why = "already committed, the amount exceeds the sub-fund's remaining capacity or, "
            + "for a firm without a publicly funded result, what may still go to such firms; the sub-fund is not "
            + "established, or the version is stale")
    @Refusal(status = 428, why = "no If-Match naming the version read")
    @PostMapping("/api/funds/investments/{investmentId}/commit")
    ResponseEntity<Investment> commit(@AuthenticationPrincipal Caller caller,
            @PathVariable @Schema(maxLength = 64) String investmentId,
            @Parameter(description = "the version read, e.g. \"1\"", schema = @Schema(maxLength = 24))
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return answer(investments.commit(caller, investmentId, ifMatch), HttpStatus.OK);
    }

    @Operation(summary = "A sub-fund's size, what it has committed and has left, and its publicly funded share (万元)")
    @Refusal(status = 404, why = "no such sub-fund, or it lies outside the caller's region")
    @GetMapping("/api/funds/sub-funds/{subFundId}/position")
    SubFundPosition position(@AuthenticationPrincipal Caller caller,
            @PathVariable @Schema(maxLength = 64) String subFundId) {
        return investments.position(caller, subFundId);
    }

    private static ResponseEntity<Investment> answer(InvestmentService.Committed committed, HttpStatus status) {
        Investment investment = committed.investment();
        return ResponseEntity.status(status).location(URI.create("/api/funds/investments/" + investment.id()))
                .eTag(IfMatch.etag(investment.version())).body(investment);
    }
}
