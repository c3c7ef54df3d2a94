package cn.dzn.platform.resources;

import static cn.dzn.platform.resources.StoreFixture.api;
import static cn.dzn.platform.resources.StoreFixture.news;
import static cn.dzn.platform.resources.StoreFixture.seqOf;
import static cn.dzn.platform.resources.StoreFixture.thing;
import static cn.dzn.platform.resources.Things.WRITER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.dzn.platform.resources.Things.Thing;
import cn.dzn.platform.resources.Things.ThingView;

/**
 * Writers racing each other while a reader follows the change feed: every write is in the feed
 * once, in increasing sequence, and a reader following {@code next} skips none.
 */
class ConcurrentWritesTest {

    static final int WRITERS = 4;
    static final int PER_WRITER = 50;
    static final int BATCH = 10;
    static final int RIVALS = 6;

    final StoreFixture fixture = new StoreFixture();
    final RecordStore<Thing, ThingView> store = fixture.store;
    final ExecutorService pool = Executors.newFixedThreadPool(WRITERS + RIVALS + 1);

    @AfterEach
    void close() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        fixture.close();
    }

    @Test
    void racingWritersAndAFollowingReader() throws Exception {
        store.write(api(WRITER), List.of(thing(0, "hot", null, "hot", "440103")));
        CyclicBarrier start = new CyclicBarrier(WRITERS + RIVALS + 1);
        AtomicBoolean writing = new AtomicBoolean(true);

        Future<List<Change<ThingView>>> reader = pool.submit(() -> {
            List<Change<ThingView>> seen = new ArrayList<>();
            String cursor = null;
            start.await();
            boolean last = false;
            while (true) {
                // Once the writers are done, one more full pass: then the feed must be complete.
                boolean done = !writing.get();
                Change.Page<ThingView> page = store.changes(WRITER, cursor, 7);
                seen.addAll(page.items());
                cursor = page.next();
                if (page.items().isEmpty()) {
                    if (last) {
                        return seen;
                    }
                    last = done;
                }
            }
        });
        List<Future<List<RecordResult>>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            String prefix = "w" + w;
            writers.add(pool.submit(() -> {
                start.await();
                List<RecordResult> results = new ArrayList<>();
                List<Candidate<Thing>> all = news(prefix, PER_WRITER);
                for (int from = 0; from < PER_WRITER; from += BATCH) {
                    results.addAll(store.write(api(WRITER), all.subList(from, from + BATCH)));
                }
                return results;
            }));
        }
        List<Future<List<RecordResult>>> rivals = new ArrayList<>();
        for (int r = 0; r < RIVALS; r++) {
            String name = "hot " + r;
            Callable<List<RecordResult>> update = () -> {
                start.await();
                return store.write(api(WRITER), List.of(thing(0, "hot", 1L, name, "440103")));
            };
            rivals.add(pool.submit(update));
        }

        List<RecordResult> created = new ArrayList<>();
        for (Future<List<RecordResult>> writer : writers) {
            created.addAll(writer.get(60, TimeUnit.SECONDS));
        }
        List<RecordResult> raced = new ArrayList<>();
        for (Future<List<RecordResult>> rival : rivals) {
            raced.addAll(rival.get(60, TimeUnit.SECONDS));
        }
        writing.set(false);
        List<Change<ThingView>> followed = reader.get(60, TimeUnit.SECONDS);

        assertThat(created).hasSize(WRITERS * PER_WRITER).allMatch(result -> result.outcome() == Outcome.CREATED
                && result.version() == 1);
        assertThat(raced).filteredOn(result -> result.outcome() == Outcome.UPDATED)
                .containsExactly(RecordResult.of(0, "hot", Outcome.UPDATED, 2));
        assertThat(raced).filteredOn(result -> result.outcome() != Outcome.UPDATED)
                .containsOnly(RecordResult.conflict(0, "hot", 2L)).hasSize(RIVALS - 1);
        String winner = store.get(WRITER, "hot").name();
        assertThat(winner).startsWith("hot ");

        Set<String> ids = new HashSet<>();
        for (int w = 0; w < WRITERS; w++) {
            for (int i = 0; i < PER_WRITER; i++) {
                ids.add("w" + w + "-" + i);
            }
        }
        ids.add("hot");

        // After the writers: the whole feed holds every record once, at its last version.
        List<Change<ThingView>> after = fixture.feed(WRITER, 13);
        assertThat(after).extracting(change -> seqOf(change.cursor())).isSorted().doesNotHaveDuplicates();
        assertThat(after).extracting(Change::id).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
        assertThat(after).filteredOn(change -> change.id().equals("hot")).singleElement()
                .satisfies(change -> assertThat(change.record()).isEqualTo(new ThingView("hot", winner, "440103", 2, false)));

        // While they wrote: increasing numbers, no write twice, and each record's last write seen.
        assertThat(followed).extracting(change -> seqOf(change.cursor())).isSorted().doesNotHaveDuplicates();
        assertThat(followed).extracting(change -> change.id() + "@" + change.version()).doesNotHaveDuplicates();
        Map<String, Long> lastSeen = new HashMap<>();
        followed.forEach(change -> lastSeen.put(change.id(), change.version()));
        assertThat(lastSeen.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(lastSeen).allSatisfy((id, version) -> assertThat(version).isEqualTo(id.equals("hot") ? 2L : 1L));
        assertThat(followed).extracting(Change::id).filteredOn(id -> !id.equals("hot")).doesNotHaveDuplicates();
    }

    @Test
    void racingCreatesOfOneIdMakeOneRecord() throws Exception {
        CyclicBarrier start = new CyclicBarrier(RIVALS);
        List<Future<List<RecordResult>>> rivals = new ArrayList<>();
        for (int r = 0; r < RIVALS; r++) {
            String name = r % 2 == 0 ? "same" : "other " + r;
            rivals.add(pool.submit(() -> {
                start.await();
                return store.write(api(WRITER), List.of(thing(0, "new", null, name, "440103")));
            }));
        }
        List<RecordResult> results = new ArrayList<>();
        for (Future<List<RecordResult>> rival : rivals) {
            results.addAll(rival.get(60, TimeUnit.SECONDS));
        }
        String winner = store.get(WRITER, "new").name();
        assertThat(results).filteredOn(result -> result.outcome() == Outcome.CREATED)
                .containsExactly(RecordResult.of(0, "new", Outcome.CREATED, 1));
        // A loser with the winner's content changes nothing; any other content is a conflict.
        long same = IntStream.range(0, RIVALS).filter(r -> (r % 2 == 0 ? "same" : "other " + r).equals(winner)).count();
        assertThat(results).filteredOn(result -> result.outcome() == Outcome.UNCHANGED).hasSize((int) same - 1)
                .allMatch(result -> result.version() == 1);
        assertThat(results).filteredOn(result -> result.outcome() == Outcome.CONFLICT).hasSize(RIVALS - (int) same)
                .allMatch(result -> result.currentVersion() == 1);
        assertThat(fixture.feed(WRITER, 10)).extracting(change -> change.id() + "@" + change.version())
                .containsExactly("new@1");
    }
}
