package cn.dzn.zone.indicators;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.dzn.platform.errors.FieldError;
import cn.dzn.platform.errors.Problems;
import cn.dzn.platform.identity.AdministratorsOnly;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.regions.RegionCode;
import jakarta.validation.Valid;

/** {@code /api/indicators}: everyone reads the definitions; national administrators define them. */
@RestController
@RequestMapping("/api/indicators")
class IndicatorController {

    private final IndicatorCatalog catalog;

    IndicatorController(IndicatorCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    List<Indicator> list() {
        return catalog.all();
    }

    @GetMapping("/{code}")
    Indicator get(@PathVariable String code) {
        return catalog.find(code).orElseThrow(() -> Problems.notFound("indicator " + code));
    }

    @AdministratorsOnly(national = true)
    @PutMapping("/{code}")
    Indicator define(@AuthenticationPrincipal Caller caller, @PathVariable String code,
            @Valid @RequestBody Indicator indicator) {
        caller.requireAdmin();
        if (!caller.region().equals(RegionCode.NATIONAL)) {
            throw Problems.forbidden("only national staff define indicators");
        }
        if (!code.equals(indicator.code())) {
            throw Problems.invalid(List.of(new FieldError("code", "must be " + code + ", as in the path")));
        }
        if ((indicator.aggregation() == Aggregation.RATIO) != (indicator.scale() != null)) {
            throw Problems.invalid(List.of(new FieldError("scale", "a ratio indicator needs a scale, others none")));
        }
        return catalog.save(indicator);
    }
}
