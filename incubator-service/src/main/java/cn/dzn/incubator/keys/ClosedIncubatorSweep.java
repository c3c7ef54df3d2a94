package cn.dzn.incubator.keys;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * A closed or deleted incubator's key is refused here at once ({@link BoundCallerGate} asks on
 * every request), but the gateway would go on forwarding it. A closure arrives by any write path
 * (the incubator's own close, its bureau's, a city's sync, a relayed copy), so rather than hook
 * one of them this sweep looks at the valid keys every {@code dzn.incubator.keys.sweep-every} and
 * revokes, here and at the gateway, those whose incubator closed or is gone.
 */
@Component
class ClosedIncubatorSweep implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClosedIncubatorSweep.class);

    private final KeyService keys;
    private final KeyProperties properties;
    private volatile ScheduledExecutorService timer;

    ClosedIncubatorSweep(KeyService keys, KeyProperties properties) {
        this.keys = keys;
        this.properties = properties;
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "closed-incubator-sweep");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.sweepEvery().toMillis();
        timer.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
    }

    private void sweep() {
        try {
            List<String> revoked = keys.revokeClosed();
            if (!revoked.isEmpty()) {
                log.info("revoked the keys of {} incubators that closed or are gone: {}", revoked.size(), revoked);
            }
        } catch (RuntimeException e) {
            // The next sweep tries again; one failure must not end the schedule.
            log.warn("sweeping the keys of closed incubators failed: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = timer;
        timer = null;
        if (running != null) {
            running.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
