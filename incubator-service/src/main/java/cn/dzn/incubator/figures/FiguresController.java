package cn.dzn.incubator.figures;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.util.LinkedHashMap;
import java.util.Map;

import org.bson.conversions.Bson;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.dzn.incubator.incubators.Incubator;
import cn.dzn.incubator.incubators.IncubatorKind;
import cn.dzn.incubator.incubators.Incubators;
import cn.dzn.platform.regions.RegionList;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

/**
 * Aggregate figures for the zone overview (docs/decisions.md): counts only, so any caller with
 * a valid internal token may read them, whatever its own region. {@code incubators} counts every
 * record (incubators, maker spaces and overseas incubators); {@code overseasIncubators} the
 * overseas ones among them.
 */
@RestController
class FiguresController {

    static final int MAX_REGIONS = 50;

    private final Incubators incubators;

    FiguresController(Incubators incubators) {
        this.incubators = incubators;
    }

    @Operation(summary = "Counts of incubators (all kinds) and of overseas incubators whose region lies inside"
            + " any of the given regions (internal)")
    @GetMapping("/internal/figures") // regions is checked by RegionList, for one clear 400 in every case
    Figures figures(@Parameter(required = true, description = "comma-separated GB/T 2260 codes, at most "
            + MAX_REGIONS, example = "440100,440300") @RequestParam(required = false) String regions) {
        Bson inside = RegionList.parse("regions", regions, MAX_REGIONS).insideAny(Incubator.REGION_CODE);
        Map<String, Long> figures = new LinkedHashMap<>();
        figures.put("incubators", incubators.count(inside));
        figures.put("overseasIncubators",
                incubators.count(and(inside, eq(Incubator.KIND, IncubatorKind.OVERSEAS_INCUBATOR.name()))));
        return new Figures("incubator", figures);
    }

    record Figures(String service, Map<String, Long> figures) {
    }
}
