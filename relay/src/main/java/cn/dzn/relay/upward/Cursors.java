package cn.dzn.relay.upward;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Properties;

/**
 * Where each resource's feed was last accepted upstream, in one properties file. A cursor moves
 * only after the tier above has answered its batch; the file is replaced whole (written beside it,
 * forced to disk, then renamed over it), so a {@code kill -9} at any moment leaves the old cursors
 * or the new, never a torn file. After a restart the unacknowledged batch is read and sent again
 * under the same idempotency key, which the tier above answers without writing twice.
 */
class Cursors {

    private final Path file;
    private final Properties cursors = new Properties();

    Cursors(Path dir) {
        this.file = dir.resolve("relay-cursors.properties");
        try {
            Files.createDirectories(dir);
            if (Files.exists(file)) {
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    cursors.load(in);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the relay's cursors at " + file, e);
        }
    }

    synchronized String get(String resource) {
        return cursors.getProperty(resource);
    }

    synchronized void put(String resource, String cursor) {
        if (cursor.equals(cursors.getProperty(resource))) {
            return;
        }
        cursors.setProperty(resource, cursor);
        Path next = file.resolveSibling(file.getFileName() + ".next");
        try {
            try (Writer out = Files.newBufferedWriter(next, StandardCharsets.UTF_8)) {
                cursors.store(out, "where each feed was last accepted upstream; written by the relay");
            }
            try (FileChannel channel = FileChannel.open(next, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the relay's cursors at " + file, e);
        }
    }
}
