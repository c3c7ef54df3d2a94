package cn.dzn.incubator.keys;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.dzn.incubator.incubators.Formats;
import cn.dzn.platform.identity.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Size;

/**
 * {@code /api/incubators/{id}/key}: the incubator's own key, for its region's bureau (never for an
 * incubator's key). Approving a registration issues the first one; these issue a replacement,
 * read which client it is, and revoke it.
 */
@RestController
@RequestMapping("/api/incubators/{incubatorId}/key")
class KeyController {

    private final KeyService keys;

    KeyController(KeyService keys) {
        this.keys = keys;
    }

    @Operation(summary = "Issue the incubator a new key, shown once in the answer; the one before stops at once"
            + " (its city's, province's or the national bureau; not a district's)", responses = {
                @ApiResponse(responseCode = "201", description = "the new key, shown this once"),
                @ApiResponse(responseCode = "404", description = "no such incubator in the caller's view"),
                @ApiResponse(responseCode = "409", description = "the incubator closed"),
                @ApiResponse(responseCode = "503", description = "the gateway could not issue a key")})
    @PostMapping
    ResponseEntity<IssuedKey> issue(@AuthenticationPrincipal Caller caller,
            @PathVariable @Size(max = Formats.MAX_ID) String incubatorId) {
        IssuedKey key = keys.issue(caller, incubatorId);
        return ResponseEntity.created(URI.create("/api/incubators/" + incubatorId + "/key")).body(key);
    }

    @Operation(summary = "Which client is the incubator's key and whether it is valid (never the key)", responses = {
        @ApiResponse(responseCode = "200", description = "the key's client and state"),
        @ApiResponse(responseCode = "404", description = "no such incubator in the caller's view, or no key")})
    @GetMapping
    KeyStatus status(@AuthenticationPrincipal Caller caller, @PathVariable @Size(max = Formats.MAX_ID) String incubatorId) {
        return keys.status(caller, incubatorId);
    }

    @Operation(summary = "Revoke the incubator's key: refused by this service at once, and at the gateway", responses = {
        @ApiResponse(responseCode = "200", description = "the key's client, now revoked"),
        @ApiResponse(responseCode = "404", description = "no such incubator in the caller's view, or no valid key")})
    @DeleteMapping
    KeyStatus revoke(@AuthenticationPrincipal Caller caller, @PathVariable @Size(max = Formats.MAX_ID) String incubatorId) {
        return keys.revoke(caller, incubatorId);
    }
}
