package cn.dzn.fund.subfunds;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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

/** Establishing a proposed sub-fund, which the kit cannot do: it moves its fund's money. */
@RestController
class SubFundController {

    private final SubFundService subFunds;

    SubFundController(SubFundService subFunds) {
        this.subFunds = subFunds;
    }

    @Operation(summary = "Establish a proposed sub-fund: its fund commits the guidance part (If-Match: its version)",
            description = "A writer of the sub-fund's region. The guidance-fund rules are checked again (10–30%, "
                    + "never the largest investor); the fund never commits more than it has received, however many "
                    + "sub-funds are established at once. Once established a sub-fund is final.")
    @Refusal(status = 404, why = "no such sub-fund, or it lies outside the caller's region")
    @Refusal(status = 409, why = "already established, the guidance part exceeds the fund's remaining capacity "
            + "(the answer says how much is left), or the version is stale")
    @Refusal(status = 428, why = "no If-Match naming the version read")
    @PostMapping("/api/funds/sub-funds/{subFundId}/establish")
    ResponseEntity<SubFund> establish(@AuthenticationPrincipal Caller caller,
            @PathVariable @Schema(maxLength = 64) String subFundId,
            @Parameter(description = "the version read, e.g. \"1\"", schema = @Schema(maxLength = 24))
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        SubFund established = subFunds.establish(caller, subFundId, ifMatch);
        return ResponseEntity.ok().eTag(IfMatch.etag(established.version())).body(established);
    }
}
