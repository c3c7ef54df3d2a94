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
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code /api/indicators}: everyone reads the definitions; national administrators define them. */
@RestController
@RequestMapping("/api/indicators")
class IndicatorController {

    private final IndicatorCatalog catalog;

    IndicatorController(IndicatorCatalog catalog) {
        this.catalog = catalog;
    }

    @ApiResponse(responseCode = "200", description = "the catalog, in code order",
            content = @Content(array = @ArraySchema(maxItems = IndicatorCatalog.MAX_INDICATORS,
                    schema = @Schema(implementation = Indicator.class))))
    @GetMapping
    List<Indicator> list() {
        return catalog.all();
    }

    @GetMapping("/{code}")
    Indicator get(@PathVariable @Pattern(regexp = Indicator.CODE) @Size(max = Indicator.MAX_CODE) String code) {
        return catalog.find(code).orElseThrow(() -> Problems.notFound("indicator " + code));
    }

    /**
     * The code must be the body's (checked below), so the body's limits bound it; a constraint on
     * it here would report the body's field errors under the parameter's name instead (platform's
     * HandlerMethodValidationException answer).
     */
    @AdministratorsOnly(national = true)
    @PutMapping("/{code}")
    Indicator define(@AuthenticationPrincipal Caller caller,
            @Parameter(schema = @Schema(pattern = Indicator.CODE, maxLength = Indicator.MAX_CODE))
            @PathVariable String code,
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
