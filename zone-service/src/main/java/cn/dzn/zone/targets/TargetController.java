package cn.dzn.zone.targets;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.dzn.platform.identity.AdministratorsOnly;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.regions.Region;
import cn.dzn.platform.web.Page;
import cn.dzn.platform.web.PageRequest;
import cn.dzn.zone.PageApiDocs;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/**
 * {@code /api/targets}: targets are public (anyone may read every region's, a keyset page at a
 * time, as every list of the API); progress is computed from the reports the caller may see, so
 * inside its own region. A target id is {@code regionCode.indicator.year}.
 */
@RestController
@RequestMapping("/api/targets")
class TargetController {

    private final TargetService targets;

    TargetController(TargetService targets) {
        this.targets = targets;
    }

    @GetMapping
    Page<Target> list(@RequestParam(required = false) @Region @Size(max = 6) String region,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) @Size(max = PageApiDocs.MAX_CURSOR) String after) {
        return targets.list(region, PageRequest.of(limit, after));
    }

    @GetMapping("/{id}")
    Target get(@PathVariable @Size(max = Target.MAX_ID) String id) {
        return targets.get(id);
    }

    /**
     * The id must be the body's {@code regionCode.indicator.year} (TargetService checks it), so
     * the body's limits bound it; a constraint on it here would report the body's field errors
     * under the parameter's name instead (platform's HandlerMethodValidationException answer).
     */
    @AdministratorsOnly
    @PutMapping("/{id}")
    Target define(@AuthenticationPrincipal Caller caller,
            @Parameter(schema = @Schema(maxLength = Target.MAX_ID)) @PathVariable String id,
            @Valid @RequestBody Target target) {
        return targets.define(caller, id, target);
    }

    @GetMapping("/{id}/progress")
    Progress progress(@AuthenticationPrincipal Caller caller, @PathVariable @Size(max = Target.MAX_ID) String id) {
        return targets.progress(caller, id);
    }
}
