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
import jakarta.validation.Valid;

/**
 * {@code /api/evaluation}: national administrators define a period's scheme; a zone's lead region
 * records its self-evaluation; anyone reads the ranking.
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
    Scheme define(@AuthenticationPrincipal Caller caller, @PathVariable String period,
            @Valid @RequestBody Scheme scheme) {
        return evaluation.define(caller, period, scheme);
    }

    @GetMapping("/{period}/scheme")
    Scheme scheme(@PathVariable String period) {
        return evaluation.scheme(period);
    }

    @PutMapping("/{period}/self/{zoneId}")
    SelfEvaluation selfEvaluate(@AuthenticationPrincipal Caller caller, @PathVariable String period,
            @PathVariable String zoneId, @Valid @RequestBody SelfEvaluation self) {
        return evaluation.selfEvaluate(caller, zoneId, period, self);
    }

    @GetMapping("/{period}/ranking")
    Ranking ranking(@PathVariable String period) {
        return evaluation.ranking(period);
    }
}
