package cn.dzn.talent.professionals;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.dzn.platform.identity.Caller;
import cn.dzn.talent.common.Formats;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;

/** {@code GET /api/talents/progress?region=}: professionals against the talent targets at every tier. */
@RestController
class ProgressController {

    private final ProgressService progress;

    ProgressController(ProgressService progress) {
        this.progress = progress;
    }

    @Operation(summary = "Professionals by level against the talent targets: the region (the caller's by default), "
            + "every tier above it, and every region below it with a target")
    @GetMapping("/api/talents/progress")
    Progress progress(@AuthenticationPrincipal Caller caller, @Parameter(description = "a GB/T 2260 code; the "
            + "caller's region when left out", schema = @Schema(maxLength = Formats.REGION_LENGTH, example = "440300"))
            @RequestParam(required = false) String region) {
        return progress.progress(caller.region(), region);
    }
}
