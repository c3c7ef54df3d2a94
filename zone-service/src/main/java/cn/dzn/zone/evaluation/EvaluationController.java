package cn.dzn.zone.evaluation;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.dzn.platform.identity.AdministratorsOnly;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.web.ServiceApiDocs;
import cn.dzn.zone.periods.Period;
import cn.dzn.zone.zones.Zone;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code /api/evaluation}: national administrators define a period's scheme; a zone's lead region
 * records its self-evaluation; anyone reads the ranking. Where a body comes along, the path's
 * limits are documented and EvaluationService checks them (the period against the body's or its
 * format, the zone by finding it): a constraint on the path would report the body's field errors
 * under the parameter's name instead (platform's HandlerMethodValidationException answer).
 */
@RestController
@RequestMapping("/api/evaluation")
class EvaluationController {

    private final EvaluationService evaluation;

    EvaluationController(EvaluationService evaluation) {
        this.evaluation = evaluation;
    }

    @AdministratorsOnly(national = true)
    @PutMapping("/{period}/scheme")
    Scheme define(@AuthenticationPrincipal Caller caller,
            @Parameter(schema = @Schema(pattern = Period.FORMAT, maxLength = Period.MAX_LENGTH))
            @PathVariable String period,
            @Valid @RequestBody Scheme scheme) {
        return evaluation.define(caller, period, scheme);
    }

    @GetMapping("/{period}/scheme")
    Scheme scheme(@PathVariable @Pattern(regexp = Period.FORMAT, message = Period.FORMAT_MESSAGE)
            @Size(max = Period.MAX_LENGTH) String period) {
        return evaluation.scheme(period);
    }

    @PutMapping("/{period}/self/{zoneId}")
    SelfEvaluation selfEvaluate(@AuthenticationPrincipal Caller caller,
            @Parameter(schema = @Schema(pattern = Period.FORMAT, maxLength = Period.MAX_LENGTH))
            @PathVariable String period,
            @Parameter(description = "no zone has a longer id: 404", schema = @Schema(maxLength = Zone.MAX_ID))
            @PathVariable String zoneId,
            @Valid @RequestBody SelfEvaluation self) {
        return evaluation.selfEvaluate(caller, zoneId, period, self);
    }

    @ApiResponse(responseCode = "409", description = "more live zones than a ranking covers (Ranking.MAX_ROWS)",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/" + ServiceApiDocs.PROBLEM)))
    @GetMapping("/{period}/ranking")
    Ranking ranking(@PathVariable @Pattern(regexp = Period.FORMAT, message = Period.FORMAT_MESSAGE)
            @Size(max = Period.MAX_LENGTH) String period) {
        return evaluation.ranking(period);
    }
}
