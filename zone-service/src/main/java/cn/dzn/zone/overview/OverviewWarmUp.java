package cn.dzn.zone.overview;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.identity.InternalTokens;
import cn.dzn.platform.identity.Role;
import cn.dzn.platform.regions.RegionCode;

/**
 * The first overview after a start paid for building the three Feign clients, their breakers and
 * connections and the JIT's first pass: on a loaded machine over 5 s, past the 2 s limit, so it
 * answered every section unavailable. One figures call to each service before zone-service
 * reports ready pays that instead (readiness waits for this listener). A service not up yet is
 * simply not warmed; readiness waits at most twice the overview's time limit for it.
 */
@Component
class OverviewWarmUp {

    private static final Logger log = LoggerFactory.getLogger(OverviewWarmUp.class);
    private static final Caller WARM_UP = new Caller("zone-service-warm-up", RegionCode.NATIONAL, Set.of(Role.READ));

    private final List<FiguresApi> services;
    private final InternalTokens tokens;
    private final ExecutorService executor;
    private final OverviewProperties properties;

    OverviewWarmUp(Clients.Fund fund, Clients.Talent talent, Clients.Incubator incubator, InternalTokens tokens,
            ExecutorService overviewExecutor, OverviewProperties properties) {
        this.services = List.of(fund, talent, incubator);
        this.tokens = tokens;
        this.executor = overviewExecutor;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        String bearer = "Bearer " + tokens.issue(WARM_UP, Instant.now()).token();
        long limit = properties.timeLimit().multipliedBy(2).toMillis();
        CompletableFuture<?>[] calls = services.stream().map(api -> CompletableFuture.runAsync(() -> {
            try {
                api.figures("440100", bearer, "warm-up-" + UUID.randomUUID(), null);
            } catch (RuntimeException e) {
                log.info("overview warm-up: a service did not answer ({}); its first overview may be slow", e.toString());
            }
        }, executor)).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(calls).get(limit, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            log.info("overview warm-up: not finished within {} ms; going on", limit);
        }
    }
}
