package cn.dzn.incubator.registrations;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.web.IfMatch;
import cn.dzn.platform.web.Page;
import cn.dzn.platform.web.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * {@code /api/incubators/registrations}: an incubator registers itself without a key (the one
 * public request, {@code dzn.public-requests}); the bureau of its region lists, reads, approves
 * or rejects it, naming the version it read in If-Match. An incubator's own key does none of it.
 */
@RestController
@RequestMapping(RegistrationController.PATH)
public class RegistrationController {

    static final String PATH = "/api/incubators/registrations";
    private static final int MAX_ID = 64;

    private final RegistrationService registrations;

    public RegistrationController(RegistrationService registrations) {
        this.registrations = registrations;
    }

    /** Why a registration is rejected, shown to whoever reads it. */
    public record RejectRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    @Operation(summary = "Register an incubator, maker space or overseas incubator (no key needed); 202, pending"
            + " review", responses = {
                @ApiResponse(responseCode = "202", description = "the registration, pending review; Location and ETag"
                        + " name it"),
                @ApiResponse(responseCode = "409", description = "an application for this name in this region is"
                        + " pending or approved already"),
                @ApiResponse(responseCode = "413", description = "the body is larger than the service accepts"),
                @ApiResponse(responseCode = "415", description = "the body is not application/json")})
    @PostMapping
    public ResponseEntity<Registration> submit(@Valid @RequestBody RegistrationInput input) {
        Registration registration = registrations.submit(input);
        return ResponseEntity.accepted().location(URI.create(PATH + "/" + registration.id()))
                .eTag(IfMatch.etag(registration.version())).body(registration);
    }

    @Operation(summary = "Registrations inside the caller's region, oldest first, optionally by status")
    @GetMapping
    public Page<Registration> list(@AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) RegistrationStatus status,
            @RequestParam(required = false) @Min(1) @Max(PageRequest.MAX_LIMIT) Integer limit,
            @RequestParam(required = false) @Size(max = PageRequest.MAX_CURSOR) String after) {
        return registrations.list(caller, status, PageRequest.of(limit, after));
    }

    @Operation(summary = "A registration inside the caller's region",
            responses = {@ApiResponse(responseCode = "200", description = "the registration; ETag holds its version"),
                @ApiResponse(responseCode = "404", description = "no such registration in the caller's view")})
    @GetMapping("/{id}")
    public ResponseEntity<Registration> get(@AuthenticationPrincipal Caller caller,
            @PathVariable @Size(max = MAX_ID) String id) {
        return answer(registrations.get(caller, id));
    }

    @Operation(summary = "Approve a pending registration (If-Match: its version); creates the incubator under its id"
            + " and answers its own key, shown this once", responses = {
                @ApiResponse(responseCode = "200", description = "the registration as approved, and the incubator's"
                        + " key (or why none was issued)"),
                @ApiResponse(responseCode = "404", description = "no such registration in the caller's view"),
                @ApiResponse(responseCode = "409", description = "reviewed already, or a stale version"),
                @ApiResponse(responseCode = "428", description = "no version named in If-Match")})
    @PostMapping("/{id}/approve")
    public ResponseEntity<Approval> approve(@AuthenticationPrincipal Caller caller,
            @PathVariable @Size(max = MAX_ID) String id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
            @Parameter(schema = @Schema(maxLength = 22)) String ifMatch) {
        Approval approval = registrations.approve(caller, id, IfMatch.version(ifMatch, null));
        return ResponseEntity.ok().eTag(IfMatch.etag(approval.registration().version())).body(approval);
    }

    @Operation(summary = "Reject a pending registration with a reason (If-Match: its version)", responses = {
        @ApiResponse(responseCode = "200", description = "the registration as rejected"),
        @ApiResponse(responseCode = "404", description = "no such registration in the caller's view"),
        @ApiResponse(responseCode = "409", description = "reviewed already, or a stale version"),
        @ApiResponse(responseCode = "428", description = "no version named in If-Match")})
    @PostMapping("/{id}/reject")
    public ResponseEntity<Registration> reject(@AuthenticationPrincipal Caller caller,
            @PathVariable @Size(max = MAX_ID) String id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
            @Parameter(schema = @Schema(maxLength = 22)) String ifMatch,
            @Valid @RequestBody RejectRequest request) {
        return answer(registrations.reject(caller, id, IfMatch.version(ifMatch, null), request.reason()));
    }

    private static ResponseEntity<Registration> answer(Registration registration) {
        return ResponseEntity.ok().eTag(IfMatch.etag(registration.version())).body(registration);
    }
}
