package cn.dzn.zone.overview;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;

import cn.dzn.platform.identity.CallerAuthentication;
import cn.dzn.platform.web.RequestIdFilter;
import cn.dzn.zone.overview.ZoneOverview.Section;
import cn.dzn.zone.zones.Zone;
import cn.dzn.zone.zones.ZoneService;

/**
 * Gathers a zone's figures from the other services in parallel. A service that is down, slow
 * or failing costs its own section only: the overview still answers, that section unavailable.
 */
@Service
public class OverviewService {

    private static final Logger log = LoggerFactory.getLogger(OverviewService.class);

    private final ZoneService zones;
    private final Map<String, FiguresApi> services;
    private final ExecutorService executor;

    public OverviewService(ZoneService zones, Clients.Fund fund, Clients.Talent talent,
            Clients.Incubator incubator, ExecutorService overviewExecutor) {
        this.zones = zones;
        this.services = Map.of("funds", fund, "talent", talent, "incubators", incubator);
        this.executor = overviewExecutor;
    }

    public ZoneOverview overview(CallerAuthentication authentication, String zoneId) {
        Zone zone = zones.get(authentication.getPrincipal(), zoneId);
        String regions = String.join(",", zone.memberCities());
        String requestId = RequestIdFilter.current();
        Map<String, CompletableFuture<Section>> calls = new LinkedHashMap<>();
        services.forEach((name, api) -> calls.put(name, CompletableFuture.supplyAsync(
                () -> fetch(name, api, regions, authentication.bearer(), requestId), executor)));
        Map<String, Section> sections = new TreeMap<>();
        calls.forEach((name, call) -> sections.put(name, call.join()));
        return new ZoneOverview(zone.id(), zone.name(), zone.regionCode(), zone.memberCities(), sections);
    }

    private static Section fetch(String name, FiguresApi api, String regions, String bearer, String requestId) {
        MDC.put(RequestIdFilter.MDC_KEY, requestId);
        try {
            return Section.of(api.figures(regions, bearer, requestId));
        } catch (RuntimeException e) {
            log.warn("overview: {} unavailable: {}", name, e.toString());
            return Section.unavailable(name + " service did not answer in time or failed");
        } finally {
            MDC.remove(RequestIdFilter.MDC_KEY);
        }
    }
}
