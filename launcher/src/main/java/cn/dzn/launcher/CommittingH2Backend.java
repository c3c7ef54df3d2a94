package cn.dzn.launcher;

import java.util.Set;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The H2 backend commits its file only every second or so, so a {@code kill -9} loses the last
 * acknowledged writes. Committing after every write command, before the answer goes out, makes an
 * acknowledged write survive a crash of the store process (it is in the OS page cache; a power
 * loss is not covered: there is no fsync per write).
 */
class CommittingH2Backend extends H2Backend {

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify",
            "create", "createindexes", "drop", "dropdatabase", "dropindexes", "renamecollection");

    CommittingH2Backend(String file) {
        super(file);
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        Document answer = super.handleCommand(channel, database, command, query);
        if (WRITES.contains(command.toLowerCase())) {
            commit();
        }
        return answer;
    }
}
