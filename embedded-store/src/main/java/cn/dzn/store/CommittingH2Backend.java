package cn.dzn.store;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The H2 backend commits its file only every second or so, so a {@code kill -9} loses the last
 * acknowledged writes. Here a write command is answered only after a commit that began after the
 * write was applied, so an acknowledged write survives a crash of the store process (it is in the
 * OS page cache; a power loss is not covered: there is no fsync per write).
 *
 * <p>Commits are grouped: writers that finish while a commit runs share the next one instead of
 * committing one by one. Each commit rewrites every page changed since the last, so fewer commits
 * under concurrent writers means much less serializing (docs/performance.md).
 *
 * <p>Its collections are {@link IdSeekingCollection}s and its single-field secondary indexes
 * {@link OrderedIndex}es, so a keyset page or a change-feed page costs a seek, not a scan.
 */
class CommittingH2Backend extends H2Backend {

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify",
            "create", "createindexes", "drop", "dropdatabase", "dropindexes", "renamecollection");

    private final AtomicLong applied = new AtomicLong();
    private final Object commitLock = new Object();
    private long committed;

    CommittingH2Backend(String file) {
        super(file);
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        Document answer = super.handleCommand(channel, database, command, query);
        if (WRITES.contains(command.toLowerCase())) {
            commitCovering(applied.incrementAndGet());
        }
        return answer;
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        MVStore store = getMvStore();
        // Anonymous, capturing the store: H2Database's constructor already opens the stored
        // collections through openOrCreateCollection, before a subclass's fields are assigned;
        // javac assigns captured variables before the super constructor runs.
        return new H2Database(databaseName, store, getCursorRegistry()) {
            @Override
            protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
                // The map names H2Database.openOrCreateCollection uses (its prefixes are not public).
                String namespace = getFullCollectionNamespace(collectionName);
                return new IdSeekingCollection(this, collectionName, options, store.openMap("databases." + namespace),
                        store.openMap("meta." + namespace), cursorRegistry);
            }

            @Override
            protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
                    List<IndexKey> keys, boolean sparse) {
                return keys.size() == 1 ? new OrderedIndex(indexName, keys, sparse)
                        : super.openOrCreateSecondaryIndex(collectionName, indexName, keys, sparse);
            }
        };
    }

    /** Returns once a commit that began after write number {@code write} was applied has finished. */
    private void commitCovering(long write) {
        synchronized (commitLock) {
            if (committed >= write) {
                return;
            }
            long upTo = applied.get();
            commit();
            committed = upTo;
        }
    }
}
