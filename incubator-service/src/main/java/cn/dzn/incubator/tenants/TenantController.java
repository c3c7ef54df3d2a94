package cn.dzn.incubator.tenants;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.util.EnumMap;
import java.util.Map;

import org.bson.conversions.Bson;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.dzn.incubator.incubators.Formats;
import cn.dzn.incubator.incubators.IncubatorService;
import cn.dzn.platform.errors.Problems;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.regions.Region;
import cn.dzn.platform.regions.RegionCode;
import cn.dzn.platform.regions.RegionFilters;
import cn.dzn.platform.resources.RecordStore;
import cn.dzn.platform.web.Page;
import cn.dzn.platform.web.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * The tenants of one incubator at the nested path the issue names, and tenant counts. Thin: the
 * kit's store pages and counts in the caller's view (an incubator's own key: its own tenants).
 * Writes go to {@code /api/incubators/tenants}, the kit's resource.
 */
@RestController
class TenantController {

    private final RecordStore<TenantInput, Tenant> tenants;
    private final IncubatorService incubators;

    TenantController(RecordStore<TenantInput, Tenant> tenants, IncubatorService incubators) {
        this.tenants = tenants;
        this.incubators = incubators;
    }

    @Operation(summary = "The tenants of one incubator the caller sees, in id order, one keyset page at a time",
            responses = {@ApiResponse(responseCode = "200", description = "a page of its tenants"),
                @ApiResponse(responseCode = "404", description = "no such incubator in the caller's view")})
    @GetMapping("/api/incubators/{incubatorId}/tenants")
    Page<Tenant> ofIncubator(@AuthenticationPrincipal Caller caller,
            @PathVariable @Size(max = Formats.MAX_ID) String incubatorId,
            @RequestParam(required = false) TenantStatus status,
            @RequestParam(required = false) @Min(1) @Max(PageRequest.MAX_LIMIT) Integer limit,
            @RequestParam(required = false) @Size(max = PageRequest.MAX_CURSOR) String after) {
        incubators.visible(caller, incubatorId);
        Bson filter = status == null ? eq("incubatorId", incubatorId)
                : and(eq("incubatorId", incubatorId), eq("status", status.name()));
        return tenants.page(caller, filter, PageRequest.of(limit, after));
    }

    @Operation(summary = "Tenants by status: of one incubator, of a region inside the caller's, or of all it sees",
            responses = {@ApiResponse(responseCode = "200", description = "the counts"),
                @ApiResponse(responseCode = "404", description = "no such incubator in the caller's view"),
                @ApiResponse(responseCode = "403", description = "a region outside the caller's")})
    @GetMapping(TenantResource.PATH + "/counts")
    TenantCounts counts(@AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) @Size(max = Formats.MAX_ID) String incubatorId,
            @RequestParam(required = false) @Region @Size(max = 6) String region) {
        if (incubatorId != null && region != null) {
            throw Problems.badRequest("name an incubatorId or a region, not both");
        }
        Bson scope;
        String regionCode = null;
        if (incubatorId != null) {
            incubators.visible(caller, incubatorId);
            scope = eq("incubatorId", incubatorId);
        } else {
            RegionCode counted = region == null ? caller.region() : RegionCode.of(region);
            if (!caller.region().contains(counted)) {
                throw Problems.forbidden("region " + counted + " lies outside the caller's region " + caller.region());
            }
            regionCode = counted.code();
            scope = RegionFilters.inside("regionCode", counted);
        }
        Bson visible = and(tenants.declaration().visibleTo(caller), scope);
        Map<TenantStatus, Long> counts = new EnumMap<>(TenantStatus.class);
        for (TenantStatus status : TenantStatus.values()) {
            counts.put(status, tenants.count(and(visible, eq("status", status.name()))));
        }
        return new TenantCounts(incubatorId, regionCode, counts.get(TenantStatus.ADMITTED),
                counts.get(TenantStatus.INCUBATING), counts.get(TenantStatus.GRADUATED),
                counts.get(TenantStatus.EXITED), counts.values().stream().mapToLong(Long::longValue).sum());
    }
}
