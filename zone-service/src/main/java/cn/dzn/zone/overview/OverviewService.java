package cn.dzn.zone.overview;

import java.util.HashMap;
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
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
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
    private final Tracer tracer;
    private final Propagator propagator;

    public OverviewService(ZoneService zones, Clients.Fund fund, Clients.Talent talent,
            Clients.Incubator incubator, ExecutorService overviewExecutor, Tracer tracer, Propagator propagator) {
        this.zones = zones;
        this.services = Map.of("funds", fund, "talent", talent, "incubators", incubator);
        this.executor = overviewExecutor;
        this.tracer = tracer;
        this.propagator = propagator;
    }

    public ZoneOverview overview(CallerAuthentication authentication, String zoneId) {
        Zone zone = zones.get(authentication.getPrincipal(), zoneId);
        String regions = String.join(",", zone.memberCities());
        String requestId = RequestIdFilter.current();
        Map<String, CompletableFuture<Section>> calls = new LinkedHashMap<>();
        services.forEach((name, api) -> {
            // A child of the request's span, made here where the request's trace is current.
            Span span = tracer.nextSpan().name("overview " + name);
            calls.put(name, CompletableFuture.supplyAsync(
                    () -> fetch(name, api, regions, authentication.bearer(), requestId, span), executor));
        });
        Map<String, Section> sections = new TreeMap<>();
        calls.forEach((name, call) -> sections.put(name, call.join()));
        return new ZoneOverview(zone.id(), zone.name(), zone.regionCode(), zone.memberCities(), sections);
    }

    private Section fetch(String name, FiguresApi api, String regions, String bearer, String requestId, Span span) {
        MDC.put(RequestIdFilter.MDC_KEY, requestId);
        try (Tracer.SpanInScope scope = tracer.withSpan(span.start())) {
            return Section.of(api.figures(regions, bearer, requestId, traceparent(span)));
        } catch (RuntimeException e) {
            span.error(e);
            log.warn("overview: {} unavailable: {}", name, e.toString());
            return Section.unavailable(name + " service did not answer in time or failed");
        } finally {
            span.end();
            MDC.remove(RequestIdFilter.MDC_KEY);
        }
    }

    /** The W3C header for the call; Feign's own tracing is not served here (docs/decisions.md). */
    private String traceparent(Span span) {
        Map<String, String> headers = new HashMap<>();
        propagator.inject(span.context(), headers, Map::put);
        return headers.get(FiguresApi.TRACEPARENT);
    }
}
