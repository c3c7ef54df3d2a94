package cn.dzn.zone.rollups;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.dzn.platform.identity.Caller;

/**
 * {@code GET /api/reports/rollup?indicator=&period=[&region=][&zoneId=][&verifiedOnly=]}: an
 * indicator for a period over the caller's region or one inside it, or over a zone.
 */
@RestController
public class RollupController {

    private final RollupService rollups;

    public RollupController(RollupService rollups) {
        this.rollups = rollups;
    }

    @GetMapping("/api/reports/rollup")
    public Rollup rollup(@AuthenticationPrincipal Caller caller, @RequestParam String indicator,
            @RequestParam String period, @RequestParam(required = false) String region,
            @RequestParam(required = false) String zoneId, @RequestParam(defaultValue = "true") boolean verifiedOnly) {
        return rollups.rollup(caller, indicator, period, region, zoneId, verifiedOnly);
    }
}
