package cn.dzn.platform.resources;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.validation.constraints.Size;

/** The answer to a sync batch: counts per outcome, then one result per record, in order. */
public record SyncAnswer(Map<String, Integer> counts, @Size(max = SyncBatch.MAX_RECORDS) List<RecordResult> results) {

    public static SyncAnswer of(List<RecordResult> results) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Outcome outcome : Outcome.values()) {
            counts.put(outcome.wireName(), 0);
        }
        results.forEach(result -> counts.merge(result.outcome().wireName(), 1, Integer::sum));
        return new SyncAnswer(counts, List.copyOf(results));
    }
}
