package cn.dzn.zone.overview;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

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
    private final long timeLimitNanos;

    public OverviewService(ZoneService zones, Clients.Fund fund, Clients.Talent talent, Clients.Incubator incubator,
            ExecutorService overviewExecutor, Tracer tracer, Propagator propagator, OverviewProperties properties) {
        this.zones = zones;
        this.timeLimitNanos = properties.timeLimit().toNanos();
        this.services = Map.of("funds", fund, "talent", talent, "incubators", incubator);
        this.executor = overviewExecutor;
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /**
     * The overview and how long its parts took, for the response's Server-Timing header: the zone
     * lookup, each service's call as this side saw it, and the whole.
     */
    public record Gathered(ZoneOverview overview, String serverTiming) {
    }

    private record Fetched(Section section, long nanos) {
    }

    public Gathered overview(CallerAuthentication authentication, String zoneId) {
        long start = System.nanoTime();
        Zone zone = zones.get(authentication.getPrincipal(), zoneId);
        long lookedUp = System.nanoTime();
        String regions = String.join(",", zone.memberCities());
        String requestId = RequestIdFilter.current();
        Map<String, CompletableFuture<Fetched>> calls = new LinkedHashMap<>();
        services.forEach((name, api) -> {
            // A child of the request's span, made here where the request's trace is current.
            Span span = tracer.nextSpan().name("overview " + name);
            // The socket timeouts bound each read; this bounds the whole call, also when a service
            // answers byte by byte, with a timer entry instead of a thread per call.
            calls.put(name, CompletableFuture.supplyAsync(
                    () -> fetch(name, api, regions, authentication.bearer(), requestId, span), executor)
                    .orTimeout(timeLimitNanos, TimeUnit.NANOSECONDS)
                    .exceptionally(timedOut -> timedOut(name, requestId)));
        });
        Map<String, Section> sections = new TreeMap<>();
        StringBuilder timing = new StringBuilder(duration("zone", lookedUp - start));
        calls.forEach((name, call) -> {
            Fetched fetched = call.join();
            sections.put(name, fetched.section());
            timing.append(", ").append(duration(name, fetched.nanos()));
        });
        timing.append(", ").append(duration("total", System.nanoTime() - start));
        return new Gathered(new ZoneOverview(zone.id(), zone.name(), zone.regionCode(), zone.memberCities(),
                sections), timing.toString());
    }

    private Fetched fetch(String name, FiguresApi api, String regions, String bearer, String requestId, Span span) {
        long start = System.nanoTime();
        MDC.put(RequestIdFilter.MDC_KEY, requestId);
        try (Tracer.SpanInScope scope = tracer.withSpan(span.start())) {
            Section section = Section.of(api.figures(regions, bearer, requestId, traceparent(span)));
            return new Fetched(section, System.nanoTime() - start);
        } catch (RuntimeException e) {
            span.error(e);
            log.warn("overview: {} unavailable: {}", name, e.toString());
            return unavailable(name, System.nanoTime() - start);
        } finally {
            span.end();
            MDC.remove(RequestIdFilter.MDC_KEY);
        }
    }

    /** On the timer's thread, which has no logging context of the request's own. */
    private Fetched timedOut(String name, String requestId) {
        try (MDC.MDCCloseable context = MDC.putCloseable(RequestIdFilter.MDC_KEY, requestId)) {
            log.warn("overview: {} unavailable: no answer within the time limit", name);
        }
        return unavailable(name, timeLimitNanos);
    }

    private static Fetched unavailable(String name, long nanos) {
        return new Fetched(Section.unavailable(name + " service did not answer in time or failed"), nanos);
    }

    private static String duration(String name, long nanos) {
        return String.format(Locale.ROOT, "%s;dur=%.2f", name, nanos / 1e6);
    }

    /** The W3C header for the call; Feign's own tracing is not served here (docs/decisions.md). */
    private String traceparent(Span span) {
        Map<String, String> headers = new HashMap<>();
        propagator.inject(span.context(), headers, Map::put);
        return headers.get(FiguresApi.TRACEPARENT);
    }
}
