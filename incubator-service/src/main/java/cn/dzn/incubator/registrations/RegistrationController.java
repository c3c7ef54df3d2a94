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
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * {@code /api/incubators/registrations}: an incubator registers itself without a key (the one
 * public request, {@code dzn.public-requests}); the bureau of its region lists, reads, approves
 * or rejects it, naming the version it read in If-Match.
 */
@RestController
@RequestMapping(RegistrationController.PATH)
public class RegistrationController {

    static final String PATH = "/api/incubators/registrations";

    private final RegistrationService registrations;

    public RegistrationController(RegistrationService registrations) {
        this.registrations = registrations;
    }

    /** Why a registration is rejected, shown to whoever reads it. */
    public record RejectRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    @Operation(summary = "Register an incubator, maker space or overseas incubator (no key needed); 202, pending review")
    @PostMapping
    public ResponseEntity<Registration> submit(@Valid @RequestBody RegistrationInput input) {
        Registration registration = registrations.submit(input);
        return ResponseEntity.accepted().location(URI.create(PATH + "/" + registration.id()))
                .eTag(IfMatch.etag(registration.version())).body(registration);
    }

    @Operation(summary = "Registrations inside the caller's region, oldest first, optionally by status")
    @GetMapping
    public Page<Registration> list(@AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) RegistrationStatus status, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String after) {
        return registrations.list(caller, status, PageRequest.of(limit, after));
    }

    @GetMapping("/{id}")
    public ResponseEntity<Registration> get(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        return answer(registrations.get(caller, id));
    }

    @Operation(summary = "Approve a pending registration (If-Match: its version); creates the incubator under its id")
    @PostMapping("/{id}/approve")
    public ResponseEntity<Registration> approve(@AuthenticationPrincipal Caller caller, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return answer(registrations.approve(caller, id, IfMatch.version(ifMatch, null)));
    }

    @Operation(summary = "Reject a pending registration with a reason (If-Match: its version)")
    @PostMapping("/{id}/reject")
    public ResponseEntity<Registration> reject(@AuthenticationPrincipal Caller caller, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody RejectRequest request) {
        return answer(registrations.reject(caller, id, IfMatch.version(ifMatch, null), request.reason()));
    }

    private static ResponseEntity<Registration> answer(Registration registration) {
        return ResponseEntity.ok().eTag(IfMatch.etag(registration.version())).body(registration);
    }
}
