package vn.ocop.portal.search;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.portal.staff.AuditLog;
import vn.ocop.portal.staff.Staff;

/**
 * The reindex an administrator starts from the admin screens: one at a time in this instance, in the background,
 * with its progress readable while it runs and its outcome kept until the next one. Searches keep working
 * throughout ({@link ProductIndex#reindex}).
 */
@Singleton
class Reindexing {

    private static final Logger LOG = LoggerFactory.getLogger(Reindexing.class);

    /** Where the last (or current) reindex of this instance is. */
    record State(
            boolean running,
            @Nullable String startedBy,
            @Nullable Instant startedAt,
            @Nullable Instant finishedAt,
            long expected,
            int filled,
            @Nullable ProductIndex.Reindex result,
            boolean failed) {

        static final State NEVER = new State(false, null, null, null, 0, 0, null, false);

        /** Percent done (a reindex finds about as many products as the index held before it). */
        public int getPercent() {
            if (result != null) {
                return 100;
            }
            return expected <= 0 ? 0 : (int) Math.min(99, 100L * filled / expected);
        }

        public boolean isRunning() {
            return running;
        }

        public boolean isFailed() {
            return failed;
        }

        public boolean isDone() {
            return result != null;
        }

        public boolean isNever() {
            return startedAt == null;
        }

        public String getStartedBy() {
            return startedBy;
        }

        public int getFilled() {
            return filled;
        }

        public long getExpected() {
            return expected;
        }

        public int getProducts() {
            return result == null ? 0 : result.products();
        }

        public long getSeconds() {
            return result == null ? 0 : Math.max(1, result.took().toSeconds());
        }
    }

    private final ProductIndex index;
    private final AuditLog audit;
    private final AtomicReference<State> state = new AtomicReference<>(State.NEVER);

    Reindexing(ProductIndex index, AuditLog audit) {
        this.index = index;
        this.audit = audit;
    }

    State state() {
        return state.get();
    }

    /** Starts a reindex unless one is running; false when one was. */
    boolean start(Staff staff) {
        long expected;
        try {
            expected = index.indexed();
        } catch (java.io.IOException e) {
            expected = 0;
        }
        State begun = new State(true, staff.email(), Instant.now(), null, expected, 0, null, false);
        State before = state.get();
        if (before.running() || !state.compareAndSet(before, begun)) {
            return false;
        }
        audit.record(
                staff,
                "search.reindex",
                "search_index",
                ProductIndex.ALIAS,
                null,
                null,
                null,
                Map.of("expectedProducts", expected));
        Thread.ofVirtual().name("reindex").start(() -> run(begun));
        return true;
    }

    private void run(State begun) {
        try {
            ProductIndex.Reindex result = index.reindex(filled -> state.updateAndGet(now ->
                    new State(true, now.startedBy(), now.startedAt(), null, now.expected(), filled, null, false)));
            state.set(new State(
                    false,
                    begun.startedBy(),
                    begun.startedAt(),
                    Instant.now(),
                    begun.expected(),
                    result.products(),
                    result,
                    false));
        } catch (Exception e) {
            LOG.error("The reindex started by {} failed: {}", begun.startedBy(), e.toString());
            State now = state.get();
            state.set(new State(
                    false,
                    begun.startedBy(),
                    begun.startedAt(),
                    Instant.now(),
                    begun.expected(),
                    now.filled(),
                    null,
                    true));
        }
    }
}
