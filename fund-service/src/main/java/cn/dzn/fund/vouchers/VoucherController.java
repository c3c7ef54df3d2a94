package cn.dzn.fund.vouchers;

import java.net.URI;
import java.util.List;

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
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Revoking a voucher, and its redemptions at {@code /api/vouchers/{voucherId}/redemptions}. */
@RestController
class VoucherController {

    private final VoucherService vouchers;

    VoucherController(VoucherService vouchers) {
        this.vouchers = vouchers;
    }

    @Operation(summary = "Redeem a voucher for a service given (201; 200 when the reference was redeemed before)",
            description = "A writer of the provider's region. A FULL voucher is spent whole, once: of any number of "
                    + "providers racing, exactly one succeeds and the others get 409. A PARTIAL one is spent in parts "
                    + "up to its face value. A provider outside the voucher's region redeems it only while a "
                    + "mutual-recognition agreement covers both regions (seed 003 §22, seed 004 §五); the "
                    + "redemption is then visible to both.")
    @Refusal(status = 404, why = "no such voucher, or it lies outside the caller's region and no agreement covers it")
    @Refusal(status = 409, why = "revoked, expired, not yet valid, already redeemed, too little left, or no "
            + "agreement in force covers the two regions")
    @Refusal(status = 422, why = "the category is not one the voucher pays for, or the amount does not fit its rule")
    @PostMapping("/api/vouchers/{voucherId}/redemptions")
    ResponseEntity<Redemption> redeem(@AuthenticationPrincipal Caller caller,
            @PathVariable @Schema(maxLength = 64) String voucherId, @Valid @RequestBody RedemptionRequest request) {
        VoucherService.Redeemed redeemed = vouchers.redeem(caller, voucherId, request);
        return ResponseEntity.status(redeemed.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/vouchers/" + voucherId + "/redemptions")).body(redeemed.redemption());
    }

    /** Why a voucher is revoked, kept with it. */
    record RevokeRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    @Operation(summary = "Revoke an ISSUED voucher, saying why (If-Match: its version); final",
            description = "A writer of the voucher's issuing region. A redemption racing the revocation is decided "
                    + "before or after it: the revocation names the version it read.")
    @Refusal(status = 404, why = "no such voucher, or it lies outside the caller's region")
    @Refusal(status = 409, why = "the voucher is not ISSUED, or the version is stale")
    @Refusal(status = 428, why = "no If-Match naming the version read")
    @PostMapping("/api/vouchers/{voucherId}/revoke")
    ResponseEntity<Voucher> revoke(@AuthenticationPrincipal Caller caller,
            @PathVariable @Schema(maxLength = 64) String voucherId,
            @Parameter(description = "the version read, e.g. \"1\"", schema = @Schema(maxLength = 24))
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody RevokeRequest request) {
        Voucher revoked = vouchers.revoke(caller, voucherId, ifMatch, request.reason());
        return ResponseEntity.ok().eTag(IfMatch.etag(revoked.version())).body(revoked);
    }

    @Operation(summary = "A voucher's redemptions: all of them for its region, those made in its own for a "
            + "provider's region")
    @ApiResponse(responseCode = "200", description = "the redemptions, oldest first", content = @Content(
            array = @ArraySchema(maxItems = VoucherInput.MAX_REDEMPTIONS, schema = @Schema(
                    implementation = Redemption.class))))
    @Refusal(status = 404, why = "no such voucher, or the caller sees none of it")
    @GetMapping("/api/vouchers/{voucherId}/redemptions")
    List<Redemption> redemptions(@AuthenticationPrincipal Caller caller,
            @PathVariable @Schema(maxLength = 64) String voucherId) {
        return vouchers.redemptions(caller, voucherId);
    }
}
