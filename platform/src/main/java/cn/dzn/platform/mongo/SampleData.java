package cn.dzn.platform.mongo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.json.JsonReader;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.ClassPathResource;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/**
 * With {@code dzn.sample-data.enabled=true}, loads {@code sample/<collection>.json} (a JSON array)
 * into each of {@code dzn.sample-data.collections} that is still empty, once, before the service
 * reports ready. Each sample document says it is one ({@code "sample": true}).
 */
@ConfigurationProperties("dzn.sample-data")
public record SampleData(boolean enabled, List<String> collections) {

    private static final Logger log = LoggerFactory.getLogger(SampleData.class);

    public SampleData {
        collections = collections == null ? List.of() : List.copyOf(collections);
    }

    void loadInto(MongoDatabase database) {
        collections.forEach(name -> loadIfEmpty(database.getCollection(name), "sample/" + name + ".json"));
    }

    public static int loadIfEmpty(MongoCollection<Document> collection, String resource) {
        if (collection.estimatedDocumentCount() > 0) {
            return 0;
        }
        List<Document> documents = read(resource);
        // Sample records are written at version 1 like any record, so the API can version them.
        documents.forEach(doc -> {
            doc.append("deleted", false);
            doc.putIfAbsent("version", 1L);
            doc.putIfAbsent("createdAt", new Date());
        });
        collection.insertMany(documents);
        log.info("loaded {} sample documents into {}", documents.size(), collection.getNamespace());
        return documents.size();
    }

    static List<Document> read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            String json = "{\"items\": " + new String(in.readAllBytes(), StandardCharsets.UTF_8) + "}";
            Document wrapper = new DocumentCodec().decode(new JsonReader(json), DecoderContext.builder().build());
            return wrapper.getList("items", Document.class);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read sample data " + resource, e);
        }
    }
}
