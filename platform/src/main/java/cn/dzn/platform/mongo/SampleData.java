package cn.dzn.platform.mongo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.bson.Document;
import org.bson.json.JsonReader;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;

import com.mongodb.client.MongoCollection;

/**
 * Loads a JSON array of sample documents from the classpath into an empty collection, once.
 * Each sample document should say it is sample data ({@code "sample": true}).
 */
public final class SampleData {

    private static final Logger log = LoggerFactory.getLogger(SampleData.class);

    private SampleData() {
    }

    public static int loadIfEmpty(MongoCollection<Document> collection, String resource) {
        if (collection.estimatedDocumentCount() > 0) {
            return 0;
        }
        List<Document> documents = read(resource);
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
