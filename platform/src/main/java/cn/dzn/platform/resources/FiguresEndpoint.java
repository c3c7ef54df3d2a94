package cn.dzn.platform.resources;

import static com.mongodb.client.model.Filters.and;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.dzn.platform.regions.RegionList;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

/**
 * {@code /internal/figures}, the counts a service offers the zone overview (docs/decisions.md):
 * for each declared resource its live records, named after the collection ({@code talent_bases}
 * → {@code talentBases}), and the counts and sums its declaration adds. Aggregates only, so any caller
 * with a valid internal token may read them, whatever its own region.
 */
@RestController
class FiguresEndpoint {

    static final int MAX_REGIONS = 50;

    private final String service;
    private final ResourceRoutes resources;

    FiguresEndpoint(String service, ResourceRoutes resources) {
        this.service = service;
        this.resources = resources;
    }

    /** What one service reports. */
    record Figures(String service, Map<String, Long> figures) {
    }

    @Operation(summary = "Counts of live records whose region lies inside any of the given regions (internal)")
    @GetMapping("/internal/figures") // regions is checked by RegionList, for one clear 400 in every case
    Figures figures(@Parameter(required = true, description = "comma-separated GB/T 2260 codes, at most "
            + MAX_REGIONS, example = "440100,440300") @RequestParam(required = false) String regions) {
        var inside = RegionList.parse("regions", regions, MAX_REGIONS).insideAny("regionCode");
        Map<String, Long> figures = new TreeMap<>();
        for (ResourceEndpoints<?, ?> resource : resources.endpoints()) {
            RecordStore<?, ?> store = resource.store();
            figures.put(camelCase(store.declaration().collection()), store.count(inside));
            store.declaration().figures().forEach((name, figure) -> figures.put(name, figure.sumOf() == null
                    ? store.count(and(inside, figure.filter()))
                    : store.sum(figure.sumOf(), and(inside, figure.filter()))));
        }
        return new Figures(service, figures);
    }

    static String camelCase(String collection) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : collection.toCharArray()) {
            if (c == '_' || c == '-') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }
}
