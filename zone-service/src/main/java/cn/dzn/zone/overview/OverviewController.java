package cn.dzn.zone.overview;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.dzn.platform.identity.CallerAuthentication;
import cn.dzn.zone.zones.Zone;
import jakarta.validation.constraints.Size;

@RestController
class OverviewController {

    private final OverviewService overviews;

    OverviewController(OverviewService overviews) {
        this.overviews = overviews;
    }

    @GetMapping("/api/zones/{id}/overview")
    ResponseEntity<ZoneOverview> overview(CallerAuthentication authentication,
            @PathVariable @Size(max = Zone.MAX_ID) String id) {
        OverviewService.Gathered gathered = overviews.overview(authentication, id);
        // W3C Server-Timing: browsers' developer tools show it, and the benchmark reads it.
        return ResponseEntity.ok().header("Server-Timing", gathered.serverTiming()).body(gathered.overview());
    }
}
