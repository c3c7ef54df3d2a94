package cn.dzn.relay.downward;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.dzn.relay.Gateway;
import cn.dzn.relay.RelayProperties;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reference data comes down (docs/federation.md): indicator definitions, targets and evaluation
 * schemes as the tier above publishes them are written here through this deployment's own API
 * whenever they differ, so the national definitions reach every tier. They are the national
 * tier's to define: a local change is overwritten by the next pass.
 */
@Component
@ConditionalOnProperty(name = "dzn.relay.reference.enabled", havingValue = "true", matchIfMissing = true)
class ReferencePull {

    private static final Logger log = LoggerFactory.getLogger(ReferencePull.class);

    private final Gateway local;
    private final Gateway upstream;
    private final RelayProperties properties;
    private final MeterRegistry meters;

    ReferencePull(@Qualifier("local") Gateway local, @Qualifier("upstream") Gateway upstream,
            RelayProperties properties, MeterRegistry meters) {
        this.local = local;
        this.upstream = upstream;
        this.properties = properties;
        this.meters = meters;
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${dzn.relay.reference.every}")
    void pull() {
        try {
            int written = copy("/api/indicators/", upstreamList("/api/indicators"), "code");
            written += copy("/api/targets/", upstreamPages("/api/targets"), "id");
            written += copy("/api/evaluation/", schemes(), "period");
            meters.counter("dzn.relay.reference.written").increment(written);
        } catch (IOException | RuntimeException e) {
            meters.counter("dzn.relay.failures", "resource", "reference", "side", "downward").increment();
            log.warn("reference data did not come down this pass: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes each upstream item whose local copy differs; returns how many it wrote. */
    private int copy(String prefix, List<JsonNode> items, String idField) throws IOException, InterruptedException {
        int written = 0;
        for (JsonNode item : items) {
            String id = item.path(idField).asString();
            String path = prefix + URLEncoder.encode(id, StandardCharsets.UTF_8)
                    + ("period".equals(idField) ? "/scheme" : "");
            Gateway.Answer here = local.get(path);
            if (here.ok() && comparable(here.json()).equals(comparable(item))) {
                continue;
            }
            Gateway.Answer put = local.put(path, comparable(item));
            if (!put.ok()) {
                throw new IllegalStateException("writing " + path + " here answered " + put.status() + ": " + put.text());
            }
            written++;
        }
        return written;
    }

    private List<JsonNode> upstreamList(String path) throws IOException, InterruptedException {
        Gateway.Answer answer = upstream.get(path);
        require(answer, path);
        List<JsonNode> items = new ArrayList<>();
        answer.json().forEach(items::add);
        return items;
    }

    private List<JsonNode> upstreamPages(String path) throws IOException, InterruptedException {
        List<JsonNode> items = new ArrayList<>();
        String after = null;
        do {
            Gateway.Answer page = upstream.get(path + "?limit=500"
                    + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8)));
            require(page, path);
            page.json().path("items").forEach(items::add);
            after = page.json().path("next").isString() ? page.json().path("next").asString() : null;
        } while (after != null);
        return items;
    }

    private List<JsonNode> schemes() throws IOException, InterruptedException {
        List<JsonNode> schemes = new ArrayList<>();
        for (int year = properties.reference().firstSchemeYear(); year <= Year.now().getValue(); year++) {
            Gateway.Answer answer = upstream.get("/api/evaluation/" + year + "/scheme");
            if (answer.ok() && answer.json() != null) {
                schemes.add(answer.json());
            } else if (answer.status() != 404) {
                require(answer, "/api/evaluation/" + year + "/scheme");
            }
        }
        return schemes;
    }

    /** What is compared and written: the content, without the version each deployment counts itself. */
    private static JsonNode comparable(JsonNode item) {
        ObjectNode copy = ((ObjectNode) item).deepCopy();
        copy.remove("version");
        return copy;
    }

    private static void require(Gateway.Answer answer, String path) {
        if (!answer.ok() || answer.json() == null) {
            throw new IllegalStateException("reading " + path + " upstream answered " + answer.status());
        }
    }
}
