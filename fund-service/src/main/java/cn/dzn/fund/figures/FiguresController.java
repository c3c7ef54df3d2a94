package cn.dzn.fund.figures;

import java.util.Map;

import org.bson.conversions.Bson;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.dzn.fund.funds.Fund;
import cn.dzn.fund.funds.Funds;
import cn.dzn.platform.regions.RegionList;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

/**
 * Aggregate figures for the zone overview (docs/decisions.md): counts only, so any caller with
 * a valid internal token may read them, whatever its own region.
 */
@RestController
class FiguresController {

    static final int MAX_REGIONS = 50;

    private final Funds funds;

    FiguresController(Funds funds) {
        this.funds = funds;
    }

    @Operation(summary = "Counts of funds whose region lies inside any of the given regions (internal)")
    @GetMapping("/internal/figures") // regions is checked by RegionList, for one clear 400 in every case
    Figures figures(@Parameter(required = true, description = "comma-separated GB/T 2260 codes, at most "
            + MAX_REGIONS, example = "440100,440300") @RequestParam(required = false) String regions) {
        Bson inside = RegionList.parse("regions", regions, MAX_REGIONS).insideAny(Fund.REGION_CODE);
        return new Figures("fund", Map.of("funds", funds.count(inside)));
    }

    record Figures(String service, Map<String, Long> figures) {
    }
}
