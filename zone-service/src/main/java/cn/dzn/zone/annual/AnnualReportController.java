package cn.dzn.zone.annual;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.dzn.platform.identity.Caller;
import cn.dzn.zone.zones.Zone;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Size;

/**
 * {@code GET /api/zones/{id}/annual-report/{year}}: JSON, or Markdown with
 * {@code Accept: text/markdown}.
 */
@RestController
class AnnualReportController {

    private static final String PATH = "/api/zones/{zoneId}/annual-report/{year}";
    private static final String MARKDOWN = "text/markdown;charset=UTF-8";

    private final AnnualReportService reports;

    AnnualReportController(AnnualReportService reports) {
        this.reports = reports;
    }

    @GetMapping(path = PATH, produces = "application/json")
    AnnualReport json(@AuthenticationPrincipal Caller caller, @PathVariable @Size(max = Zone.MAX_ID) String zoneId,
            @PathVariable int year) {
        return reports.report(caller, zoneId, year);
    }

    @ApiResponse(responseCode = "200", description = "the report in Markdown", content = @Content(mediaType = MARKDOWN,
            schema = @Schema(type = "string", maxLength = AnnualReportMarkdown.MAX_LENGTH)))
    @GetMapping(path = PATH, produces = MARKDOWN)
    String markdown(@AuthenticationPrincipal Caller caller, @PathVariable @Size(max = Zone.MAX_ID) String zoneId,
            @PathVariable int year) {
        return AnnualReportMarkdown.render(reports.report(caller, zoneId, year));
    }
}
