package cn.dzn.incubator.incubators;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.dzn.platform.identity.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Size;

/**
 * What the kit does not serve for incubators: the national thresholds judged item by item, and
 * Shenzhen's maker-space target. Reads only.
 */
@RestController
class IncubatorController {

    private final IncubatorService incubators;

    IncubatorController(IncubatorService incubators) {
        this.incubators = incubators;
    }

    @Operation(summary = "The national thresholds of its kind, item by item (met, not met, not reported), for a"
            + " bureau deciding on a promotion (DOMAIN.md, Incubation); an incubator's own key reads its own",
            responses = {@ApiResponse(responseCode = "200", description = "each threshold, met or not"),
                @ApiResponse(responseCode = "404", description = "no such incubator in the caller's view")})
    @GetMapping(IncubatorResource.PATH + "/{incubatorId}/assessment")
    Assessment assessment(@AuthenticationPrincipal Caller caller,
            @PathVariable @Size(max = Formats.MAX_ID) String incubatorId) {
        return incubators.assess(caller, incubatorId);
    }

    @Operation(summary = "Progress toward Shenzhen's 200 new maker spaces by 2020 (seed 002 §18): an aggregate any"
            + " bureau may read; not an incubator's own key")
    @GetMapping(IncubatorResource.PATH + "/targets/shenzhen-maker-spaces")
    MakerSpaceTarget makerSpaceTarget(@AuthenticationPrincipal Caller caller) {
        BoundCallers.requireBureau(caller, "read the city's targets");
        return incubators.makerSpaceTarget();
    }
}
