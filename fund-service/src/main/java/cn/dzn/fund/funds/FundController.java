package cn.dzn.fund.funds;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import cn.dzn.fund.Refusal;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.web.IfMatch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;

/** What the kit cannot say of a fund: what it holds, and receiving a pledged contribution into it. */
@RestController
class FundController {

    private final FundService funds;

    FundController(FundService funds) {
        this.funds = funds;
    }

    @Operation(summary = "A fund's contributions by tier, what it holds, has committed and has available (万元)",
            description = "Any caller that sees the fund (its region lies inside the caller's).")
    @Refusal(status = 404, why = "no such fund, or it lies outside the caller's region")
    @GetMapping("/api/funds/{fundId}/position")
    FundPosition position(@AuthenticationPrincipal Caller caller,
            @PathVariable @Schema(maxLength = 64) String fundId) {
        return funds.position(caller, fundId);
    }

    @Operation(summary = "Receive a pledged contribution: its money goes into the fund (If-Match: its version)",
            description = "A writer of the contribution's region. Once received a contribution is final.")
    @Refusal(status = 404, why = "no such contribution, or it lies outside the caller's region")
    @Refusal(status = 409, why = "already received, the fund is gone, or the version is stale")
    @Refusal(status = 428, why = "no If-Match naming the version read")
    @PostMapping("/api/funds/contributions/{contributionId}/receive")
    ResponseEntity<Contribution> receive(@AuthenticationPrincipal Caller caller,
            @PathVariable @Schema(maxLength = 64) String contributionId,
            @Parameter(description = "the version read, e.g. \"1\"", schema = @Schema(maxLength = 24))
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Contribution received = funds.receive(caller, contributionId, ifMatch);
        return ResponseEntity.ok().eTag(IfMatch.etag(received.version())).body(received);
    }
}
