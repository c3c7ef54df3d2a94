package cn.dzn.platform.mongo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;

import tools.jackson.databind.json.JsonMapper;

/**
 * Reference data shipped with a service (indicator definitions, the seeds' targets): a JSON array
 * on the class path, written at start-up where a document with the same {@code _id} is missing,
 * so every deployment starts from the same set and later edits through the API are kept.
 */
public final class ReferenceData {

    private ReferenceData() {
    }

    public static <T> void insertMissing(MongoCollection<T> collection, JsonMapper json, String resource, Class<T> type) {
        List<T> items;
        try (InputStream in = ReferenceData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the class path");
            }
            items = json.readValue(in, json.getTypeFactory().constructCollectionType(List.class, type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (T item : items) {
            try {
                collection.insertOne(item);
            } catch (MongoException e) {
                if (e.getCode() != 11000) {
                    throw e;
                }
            }
        }
    }
}
