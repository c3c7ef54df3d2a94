package cn.dzn.zone.targets;

import java.util.List;

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
import jakarta.validation.Valid;

/**
 * {@code /api/targets}: targets are public (anyone may read every region's); progress is
 * computed from the reports the caller may see, so inside its own region.
 */
@RestController
@RequestMapping("/api/targets")
class TargetController {

    private final TargetService targets;

    TargetController(TargetService targets) {
        this.targets = targets;
    }

    @GetMapping
    List<Target> list(@RequestParam(required = false) String region) {
        return targets.list(region);
    }

    @GetMapping("/{id}")
    Target get(@PathVariable String id) {
        return targets.get(id);
    }

    @AdministratorsOnly
    @PutMapping("/{id}")
    Target define(@AuthenticationPrincipal Caller caller, @PathVariable String id,
            @Valid @RequestBody Target target) {
        return targets.define(caller, id, target);
    }

    @GetMapping("/{id}/progress")
    Progress progress(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        return targets.progress(caller, id);
    }
}
