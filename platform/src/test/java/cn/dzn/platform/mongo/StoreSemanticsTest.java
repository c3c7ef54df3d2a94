package cn.dzn.platform.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The single-document operations the sync mechanism stands on, checked against the embedded
 * MongoDB-wire server through the real driver (MongoDB itself behaves the same way).
 */
class StoreSemanticsTest {

    static MongoServer server;
    static MongoClient client;
    static MongoDatabase database;

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        database = client.getDatabase("semantics");
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aSparseUniqueIndexAllowsManyDocumentsWithoutTheFieldButNoDuplicateValue() {
        MongoCollection<Document> records = database.getCollection("sparse");
        records.createIndex(Indexes.ascending("seq"), new IndexOptions().unique(true).sparse(true));
        records.insertOne(new Document("_id", "a"));
        records.insertOne(new Document("_id", "b"));
        records.insertOne(new Document("_id", "c").append("seq", 1L));
        assertThatThrownBy(() -> records.insertOne(new Document("_id", "d").append("seq", 1L)))
                .isInstanceOfSatisfying(MongoWriteException.class,
                        e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
    }

    @Test
    void aVersionConditionedUpsertThatMissesIsADuplicateKeyErrorAtItsIndex() {
        MongoCollection<Document> records = database.getCollection("bulk");
        records.insertMany(List.of(new Document("_id", "a").append("version", 1),
                new Document("_id", "b").append("version", 1)));
        List<WriteModel<Document>> writes = List.of(
                new ReplaceOneModel<>(and(eq("_id", "a"), eq("version", 1)), new Document("version", 2),
                        new ReplaceOptions().upsert(true)),
                new ReplaceOneModel<>(and(eq("_id", "b"), eq("version", 7)), new Document("version", 8),
                        new ReplaceOptions().upsert(true)),
                new InsertOneModel<>(new Document("_id", "c").append("version", 1)),
                new InsertOneModel<>(new Document("_id", "a").append("version", 1)));

        assertThatThrownBy(() -> records.bulkWrite(writes, new BulkWriteOptions().ordered(false)))
                .isInstanceOfSatisfying(MongoBulkWriteException.class, e -> assertThat(e.getWriteErrors())
                        .extracting(error -> error.getIndex() + ":" + error.getCode())
                        .containsExactlyInAnyOrder("1:11000", "3:11000"));
        assertThat(records.find(eq("_id", "a")).first().getInteger("version")).isEqualTo(2);
        assertThat(records.find(eq("_id", "b")).first().getInteger("version")).isEqualTo(1);
        assertThat(records.countDocuments(eq("_id", "c"))).isEqualTo(1);
    }
}
