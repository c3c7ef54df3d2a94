package cn.dzn.zone.overview;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.dzn.platform.identity.CallerAuthentication;

@RestController
public class OverviewController {

    private final OverviewService overviews;

    public OverviewController(OverviewService overviews) {
        this.overviews = overviews;
    }

    @GetMapping("/api/zones/{id}/overview")
    public ZoneOverview overview(CallerAuthentication authentication, @PathVariable String id) {
        return overviews.overview(authentication, id);
    }
}
