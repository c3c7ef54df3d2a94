package cn.dzn.zone.annual;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.dzn.platform.identity.Caller;

/**
 * {@code GET /api/zones/{id}/annual-report/{year}}: JSON, or Markdown with
 * {@code Accept: text/markdown}.
 */
@RestController
class AnnualReportController {

    private static final String PATH = "/api/zones/{zoneId}/annual-report/{year}";

    private final AnnualReportService reports;

    AnnualReportController(AnnualReportService reports) {
        this.reports = reports;
    }

    @GetMapping(path = PATH, produces = "application/json")
    AnnualReport json(@AuthenticationPrincipal Caller caller, @PathVariable String zoneId,
            @PathVariable int year) {
        return reports.report(caller, zoneId, year);
    }

    @GetMapping(path = PATH, produces = "text/markdown;charset=UTF-8")
    String markdown(@AuthenticationPrincipal Caller caller, @PathVariable String zoneId,
            @PathVariable int year) {
        return AnnualReportMarkdown.render(reports.report(caller, zoneId, year));
    }
}
