package cn.dzn.fund.subsidies;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.dzn.fund.Refusal;
import cn.dzn.platform.errors.Problems;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.web.Page;
import cn.dzn.platform.web.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/** The subsidy rules, and applications decided under them. */
@RestController
class SubsidyController {

    private final RuleCatalogue rules;
    private final SubsidyService subsidies;

    SubsidyController(RuleCatalogue rules, SubsidyService subsidies) {
        this.rules = rules;
        this.subsidies = subsidies;
    }

    /** A page of applications. */
    record ApplicationPage(@ArraySchema(maxItems = PageRequest.MAX_LIMIT) List<SubsidyApplication> items,
            @Schema(maxLength = 200) String next) {
    }

    @Operation(summary = "The subsidy rules, each with its clause quoted, its formula, caps and inputs",
            description = "Any authenticated caller: the rules are public policy.")
    @ApiResponse(responseCode = "200", description = "every rule", content = @Content(array = @ArraySchema(
            maxItems = 50, schema = @Schema(implementation = SubsidyRule.class))))
    @GetMapping("/api/subsidies/rules")
    List<SubsidyRule> rules() {
        return rules.all();
    }

    @Operation(summary = "One subsidy rule")
    @Refusal(status = 404, why = "no such rule")
    @GetMapping("/api/subsidies/rules/{id}")
    SubsidyRule rule(@PathVariable @Schema(maxLength = 32) String id) {
        return rules.find(id).map(RuleCatalogue.Definition::rule).orElseThrow(() -> Problems.notFound("rule " + id));
    }

    @Operation(summary = "Apply for a subsidy: the amount is computed, every cap applied, the decision stored "
            + "(201; 200 when the same application was decided before)",
            description = "A writer of the application's region, which lies inside the rule's. Caps over a year, an "
                    + "institution or a count of recipients hold when applications race. The same application "
                    + "(the rule's key: e.g. applicant and year) sent again is the one decided before.")
    @Refusal(status = 409, why = "an application under the same key was made with other inputs")
    @PostMapping("/api/subsidies/applications")
    ResponseEntity<SubsidyApplication> apply(@AuthenticationPrincipal Caller caller,
            @Valid @RequestBody ApplicationInput input) {
        SubsidyService.Applied applied = subsidies.apply(caller, input);
        return ResponseEntity.status(applied.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/subsidies/applications/" + applied.application().id()))
                .body(applied.application());
    }

    @Operation(summary = "Applications decided in the caller's region, in id order, by rule, year or outcome")
    @GetMapping("/api/subsidies/applications")
    ApplicationPage applications(@AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) @Schema(maxLength = 32) @Pattern(regexp = "[a-z0-9-]{1,32}") String ruleId,
            @RequestParam(required = false) @Min(2000) @Max(2100) Integer year,
            @RequestParam(required = false) Decision.Status status,
            @RequestParam(required = false) @Min(1) @Max(PageRequest.MAX_LIMIT) Integer limit,
            @RequestParam(required = false) @Schema(maxLength = 200) String after) {
        Page<SubsidyApplication> page = subsidies.list(caller, ruleId, year, status, PageRequest.of(limit, after));
        return new ApplicationPage(page.items(), page.next());
    }

    @Operation(summary = "One application and its decision")
    @Refusal(status = 404, why = "no such application, or it lies outside the caller's region")
    @GetMapping("/api/subsidies/applications/{id}")
    SubsidyApplication application(@AuthenticationPrincipal Caller caller,
            @PathVariable @Schema(maxLength = 128) String id) {
        return subsidies.get(caller, id);
    }
}
