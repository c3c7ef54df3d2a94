package cn.dzn.fund.money;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Service;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/**
 * Balances that money moves through: one document per account (a fund's money, a sub-fund's
 * size, a subsidy's yearly cap, a count of recipients), every move one conditional update with
 * the invariant in its filter, never an unconditional read-modify-write in Java (DESIGN.md: no
 * transactions). Each move is keyed by an entry (the record it is for), so repeating a move
 * changes nothing: a request that is retried, or raced by its own twin, moves the money once.
 *
 * <p>An account holds {@code available} fen, {@code slots} entries left, {@code taken} (entry →
 * fen) and {@code added} (entry → fen); a window of years, when it has one, runs from the
 * account's first year {@code from}.
 */
@Service
public class Ledger {

    /** What an account allows: capacity in fen and a number of entries. */
    public record Limits(long capacityFen, int maxEntries) {

        /** No cap of its own: capacity comes from what is added (a fund's contributions). */
        public static final Limits OPEN = new Limits(0, Integer.MAX_VALUE);

        private static final long UNLIMITED = Long.MAX_VALUE / 4;

        public static Limits capacity(long fen) {
            return new Limits(fen, Integer.MAX_VALUE);
        }

        public static Limits entries(int count) {
            return new Limits(UNLIMITED, count);
        }
    }

    /** An account as stored; {@code used} is what its entries took, {@code added} what was put in. */
    public record Account(String id, long availableFen, long usedFen, long addedFen, int slots, Integer from) {
    }

    /** What a move took for its entry: now ({@code fresh}) or before; none when it was refused. */
    public record Move(long fen, boolean fresh, Account account) {

        public boolean refused() {
            return fen == 0;
        }
    }

    private final MongoCollection<Document> accounts;
    private final FundProperties properties;

    Ledger(MongoDatabase database, FundProperties properties) {
        this.accounts = database.getCollection("ledger");
        this.properties = properties;
    }

    /**
     * Takes exactly {@code fen} for {@code entry}, or nothing when the account cannot give it (or
     * is not open: an account is opened by whoever knows its limits, never by a move).
     */
    public Move take(String account, String entry, long fen) {
        return take(account, entry, fen, 0, 0);
    }

    /** As {@link #take(String, String, long)}, for a year that must lie in the account's window. */
    public Move take(String account, String entry, long fen, int year, int windowYears) {
        Bson filter = and(eq("_id", account), gte("available", fen), gte("slots", 1), unused(entry),
                window(windowYears, year));
        if (accounts.updateOne(filter, taking(windowYears, entry, fen, year)).getModifiedCount() == 1) {
            return new Move(fen, true, read(account));
        }
        return already(account, entry);
    }

    /**
     * Takes as much of {@code fen} as is left (a yearly cap part used): the amount is decided
     * against the balance read and the update is conditional on that balance, so a concurrent
     * move makes it read and decide again rather than overdraw.
     */
    public Move takeUpTo(String account, String entry, long fen, int year, int windowYears) {
        for (int attempt = 0; attempt < properties.maxAttempts(); attempt++) {
            Document stored = accounts.find(eq("_id", account)).first();
            if (stored == null) {
                return new Move(0, false, read(account));
            }
            Account read = account(stored);
            Long before = taken(stored, entry);
            if (before != null) {
                return new Move(before, false, read);
            }
            long grant = Math.min(fen, read.availableFen());
            if (grant <= 0 || read.slots() < 1 || !inWindow(windowYears, read.from(), year)) {
                return new Move(0, false, read);
            }
            Bson filter = and(eq("_id", account), eq("available", read.availableFen()), gte("slots", 1),
                    unused(entry), window(windowYears, year));
            if (accounts.updateOne(filter, taking(windowYears, entry, grant, year)).getModifiedCount() == 1) {
                return new Move(grant, true, read(account));
            }
        }
        throw new IllegalStateException("account " + account + " kept moving for " + properties.maxAttempts()
                + " attempts");
    }

    /** Puts {@code fen} into the account for {@code entry} (a contribution received), once. */
    public void add(String account, String entry, long fen) {
        open(account, Limits.OPEN);
        accounts.updateOne(and(eq("_id", account), exists("added." + key(entry), false)),
                Updates.combine(Updates.inc("available", fen), Updates.inc("addedTotal", fen),
                        Updates.set("added." + key(entry), fen)));
    }

    /** Gives back what {@code entry} took, if it took anything (a move whose record was refused). */
    public void release(String account, String entry) {
        Long fen = taken(accounts.find(eq("_id", account)).first(), entry);
        if (fen != null) {
            accounts.updateOne(and(eq("_id", account), eq("taken." + key(entry), fen)),
                    Updates.combine(Updates.inc("available", fen), Updates.inc("used", -fen), Updates.inc("slots", 1),
                            Updates.unset("taken." + key(entry))));
        }
    }

    public Account read(String account) {
        Document stored = accounts.find(eq("_id", account)).first();
        return stored == null ? new Account(account, 0, 0, 0, 0, null) : account(stored);
    }

    /** Opens the account with its limits if it is not open yet; an open account keeps its own. */
    public void open(String account, Limits limits) {
        try {
            accounts.updateOne(eq("_id", account), Updates.combine(Updates.setOnInsert("available", limits.capacityFen()),
                    Updates.setOnInsert("used", 0L), Updates.setOnInsert("addedTotal", 0L),
                    Updates.setOnInsert("slots", limits.maxEntries()), Updates.setOnInsert("taken", new Document()),
                    Updates.setOnInsert("added", new Document())), new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e; // else a concurrent first move opened it
            }
        }
    }

    private Move already(String account, String entry) {
        Document stored = accounts.find(eq("_id", account)).first();
        Long before = taken(stored, entry);
        return new Move(before == null ? 0 : before, false, stored == null ? read(account) : account(stored));
    }

    private static Bson taking(int windowYears, String entry, long fen, int year) {
        List<Bson> updates = new ArrayList<>(List.of(Updates.inc("available", -fen), Updates.inc("used", fen),
                Updates.inc("slots", -1), Updates.set("taken." + key(entry), fen)));
        if (windowYears > 0) {
            updates.add(Updates.min("from", year));
        }
        return Updates.combine(updates);
    }

    /** The year lies in the window running from the account's first year (or opens it). */
    private static Bson window(int windowYears, int year) {
        if (windowYears == 0) {
            return new Document();
        }
        return or(exists("from", false), and(gte("from", year - windowYears + 1), lte("from", year)));
    }

    private static boolean inWindow(int windowYears, Integer from, int year) {
        return windowYears == 0 || from == null || from >= year - windowYears + 1 && from <= year;
    }

    private static Bson unused(String entry) {
        return exists("taken." + key(entry), false);
    }

    private static Long taken(Document stored, String entry) {
        Document taken = stored == null ? null : stored.get("taken", Document.class);
        Object fen = taken == null ? null : taken.get(key(entry));
        return fen == null ? null : ((Number) fen).longValue();
    }

    private static Account account(Document stored) {
        return new Account(stored.getString("_id"), stored.getLong("available"), stored.getLong("used"),
                stored.getLong("addedTotal"), stored.getInteger("slots"), stored.getInteger("from"));
    }

    /** Entries are record ids; a dot would make a field path, so it becomes '~', which no id holds. */
    static String key(String entry) {
        if (entry.indexOf('~') >= 0 || entry.indexOf('$') >= 0) {
            throw new IllegalArgumentException("not a ledger entry: " + entry);
        }
        return entry.replace('.', '~');
    }
}
