package cn.dzn.relay.upward;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import cn.dzn.relay.Gateway;
import cn.dzn.relay.RelayProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follows every synced resource's local change feed and pushes it to the tier above, one thread
 * going round the resources. A resource whose push fails waits (doubling from the first backoff
 * up to the longest) while the others go on; once the tier above answers again its backlog
 * drains batch by batch. Lag per resource, records relayed and failures are metrics
 * ({@code dzn_relay_*}, docs/federation.md).
 */
@Component
class UpwardRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(UpwardRelay.class);

    /** One resource's standing: what is read and not yet accepted upstream, and when to try again. */
    private static final class Feed {

        volatile int pending;
        volatile Instant oldestPending;
        Duration backoff = Duration.ZERO;
        Duration idle = Duration.ZERO;
        Instant nextAttempt = Instant.EPOCH;
    }

    private final RelayProperties properties;
    private final FeedRelay relay;
    private final MeterRegistry meters;
    private final Map<String, Feed> feeds = new LinkedHashMap<>();
    private volatile boolean upstreamUp = true;
    private volatile Thread worker;

    UpwardRelay(RelayProperties properties, @Qualifier("local") Gateway local, @Qualifier("upstream") Gateway upstream,
            JsonMapper json, MeterRegistry meters) {
        this.properties = properties;
        this.relay = new FeedRelay(properties.deployment(), local, upstream, new Cursors(properties.stateDir()), json,
                properties.batchSize());
        this.meters = meters;
        for (String resource : properties.resources()) {
            Feed feed = new Feed();
            feeds.put(resource, feed);
            Gauge.builder("dzn.relay.lag.records", feed, f -> f.pending).tag("resource", resource)
                    .description("changes read from the local feed and not yet accepted upstream (at most one batch)")
                    .register(meters);
            Gauge.builder("dzn.relay.lag.seconds", feed, UpwardRelay::lagSeconds).tag("resource", resource)
                    .description("age of the oldest local change not yet accepted upstream").register(meters);
        }
        Gauge.builder("dzn.relay.upstream.up", this, relay -> relay.upstreamUp ? 1 : 0)
                .description("1 while the tier above accepts batches").register(meters);
    }

    @Override
    public void start() {
        worker = new Thread(this::run, "relay-upward");
        worker.setDaemon(true);
        worker.start();
        log.info("relaying {} resources of deployment {} to {}", feeds.size(), properties.deployment(),
                properties.upstream().url());
    }

    @Override
    public void stop() {
        Thread running = worker;
        worker = null;
        if (running != null) {
            running.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }

    private void run() {
        while (worker == Thread.currentThread()) {
            boolean busy = false;
            for (Map.Entry<String, Feed> entry : feeds.entrySet()) {
                if (!Instant.now().isBefore(entry.getValue().nextAttempt)) {
                    busy |= step(entry.getKey(), entry.getValue());
                }
            }
            if (!busy && !pause(untilNextAttempt())) {
                return;
            }
        }
    }

    /** One batch of one resource; true when it pushed something (so there may be more). */
    private boolean step(String resource, Feed feed) {
        try {
            JsonNode page = relay.read(resource);
            int size = page.path("items").size();
            feed.pending = size;
            if (size > 0 && feed.oldestPending == null) {
                feed.oldestPending = FeedRelay.oldest(page);
            }
            FeedRelay.Pushed pushed = relay.push(resource, page);
            upstreamUp = true;
            feed.pending = 0;
            feed.oldestPending = null;
            feed.backoff = Duration.ZERO;
            // A feed found caught up is asked again after pollEvery, then less and less often up to
            // idleMax: nineteen feeds asked twice a second would keep the local gateway busy for nothing.
            feed.idle = pushed.changes() > 0 ? Duration.ZERO
                    : min(max(properties.pollEvery(), feed.idle.multipliedBy(2)), properties.idleMax());
            feed.nextAttempt = Instant.now().plus(feed.idle);
            count(resource, "accepted", pushed.changes() - pushed.rejected());
            count(resource, "rejected", pushed.rejected());
            return pushed.changes() > 0;
        } catch (FeedRelay.Failure e) {
            upstreamUp = !"upstream".equals(e.side);
            fail(resource, feed, e.side, e.getMessage());
        } catch (IOException | RuntimeException e) {
            fail(resource, feed, "network", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private void fail(String resource, Feed feed, String side, String why) {
        Counter.builder("dzn.relay.failures").tag("resource", resource).tag("side", side)
                .description("pushes that did not finish; the batch is sent again after a wait").register(meters)
                .increment();
        feed.backoff = feed.backoff.isZero() ? properties.backoff().first()
                : min(feed.backoff.multipliedBy(2), properties.backoff().max());
        feed.nextAttempt = Instant.now().plus(feed.backoff);
        log.warn("relay of {} failed ({}), next try in {}: {}", resource, side, feed.backoff, why);
    }

    private void count(String resource, String outcome, int records) {
        Counter.builder("dzn.relay.records").tag("resource", resource).tag("outcome", outcome)
                .description("changes relayed upstream").register(meters).increment(records);
    }

    private static double lagSeconds(Feed feed) {
        Instant oldest = feed.oldestPending;
        return oldest == null ? 0 : Duration.between(oldest, Instant.now()).toMillis() / 1000.0;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** How long until the first feed is due again, within 20 ms and pollEvery. */
    private Duration untilNextAttempt() {
        Instant first = feeds.values().stream().map(feed -> feed.nextAttempt).min(Instant::compareTo)
                .orElse(Instant.now());
        return max(Duration.ofMillis(20), min(Duration.between(Instant.now(), first), properties.pollEvery()));
    }

    private static boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
