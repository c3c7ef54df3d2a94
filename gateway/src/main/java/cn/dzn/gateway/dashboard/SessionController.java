package cn.dzn.gateway.dashboard;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.identity.Role;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Size;

/**
 * {@code GET /api/session}: who the gateway signed the request in as. The dashboard asks it once
 * after sign-in, to say whose view it shows and which work waits for that region; a wrong key is
 * refused here as anywhere (401). Any signed-in caller may ask about itself, nothing more.
 */
@RestController
class SessionController {

    /** The caller as the gateway sees it: never a key. */
    record Session(@Size(max = 100) String clientId, @Size(max = 6) String regionCode, @Size(max = 3) List<Role> roles) {
    }

    @Operation(summary = "The signed-in caller: its client id, region and roles")
    @GetMapping("/api/session")
    Session session(@AuthenticationPrincipal Caller caller) {
        return new Session(caller.clientId(), caller.region().code(), caller.roles().stream().sorted().toList());
    }
}
