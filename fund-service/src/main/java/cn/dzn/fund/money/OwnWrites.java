package cn.dzn.fund.money;

import java.util.List;
import java.util.function.BooleanSupplier;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import cn.dzn.platform.errors.FieldError;
import cn.dzn.platform.errors.Problems;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.resources.Outcome;
import cn.dzn.platform.resources.RecordResult;
import cn.dzn.platform.resources.RecordStore;

/**
 * The writes this service makes itself, after moving the money they record (a contribution
 * received, a sub-fund established, an investment committed, a voucher redeemed). A
 * declaration's {@code checkChange} lets only these change the state that money hangs on, so
 * neither a PUT nor a sync can mark a record as paid for without the ledger having moved. The
 * mark is the writing thread's: the kit judges a write on the thread that asked for it.
 */
public final class OwnWrites {

    private static final ThreadLocal<Boolean> WRITING = ThreadLocal.withInitial(() -> false);

    private OwnWrites() {
    }

    public static boolean active() {
        return WRITING.get();
    }

    public static <I> RecordResult write(RecordStore<I, ?> store, Caller caller, String id, Long version, I input) {
        WRITING.set(true);
        try {
            return store.writeOne(caller, id, version, input);
        } finally {
            WRITING.remove();
        }
    }

    /**
     * The rule of a record that money hangs on, for its declaration's {@code checkChange}: a
     * client writes it (creates, edits, deletes) only in its {@code first} state; any other state
     * is reached only by this service's own write ({@code how} says where) and is final. Sending
     * a record exactly as stored is always allowed: it changes nothing.
     */
    public static <S> void guard(Object stored, Object input, S storedState, S inputState, S first, String how,
            List<FieldError> errors) {
        if (active() || stored != null && stored.equals(input)) {
            return;
        }
        if (stored != null && !first.equals(storedState)) {
            errors.add(new FieldError("status", "the record is " + storedState + ", which is final"));
        } else if (input != null && !first.equals(inputState)) {
            errors.add(new FieldError("status", "a record becomes " + inputState + " only through " + how));
        }
    }

    /**
     * Writes the record of a move the ledger has made. If the record is refused (it moved on since
     * it was read), the money goes back, but only if this request moved it and nobody has recorded
     * the move meanwhile ({@code recorded}, read after the refusal): a twin request that found the
     * move made may still be writing the same record, and its money must stay where it is.
     */
    public static <I> RecordResult recordMove(Ledger.Move move, RecordStore<I, ?> store, Caller caller, String id,
            Long version, I input, BooleanSupplier recorded, Runnable giveBack) {
        RecordResult result = write(store, caller, id, version, input);
        boolean kept = result.outcome().wrote() || result.outcome() == Outcome.UNCHANGED;
        if (!kept && move.fresh() && !recorded.getAsBoolean()) {
            giveBack.run();
        }
        return result;
    }

    /** The answer to a write of this service's that was not made. */
    public static ErrorResponseException refusal(RecordResult result, Long version) {
        if (result.outcome() == Outcome.CONFLICT && version != null && result.currentVersion() != null) {
            return Problems.staleVersion(version, result.currentVersion());
        }
        ErrorResponseException refused = Problems.conflict(result.errors() == null ? "the record changed meanwhile; "
                + "read it again" : result.errors().get(0).message());
        if (result.errors() != null) {
            refused.getBody().setProperty("errors", result.errors());
        }
        return refused;
    }

    /** A 409 saying why the state of a record or of the money refuses the request. */
    public static ErrorResponseException conflict(String type, String detail) {
        return Problems.of(HttpStatus.CONFLICT, type, detail);
    }
}
