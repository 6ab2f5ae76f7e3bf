package dev.scoreline.job;

import dev.scoreline.event.EntityEvent;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;

/**
 * Runs an {@link EntityStateFunction} and lets it keep its entities' state in memory between
 * checkpoints: the function writes what it holds to the state backend before every checkpoint
 * barrier, and when it lets an entity go from memory, under that entity's key. This is Flink's
 * mini-batch pattern (the Table runtime's bundle operators): a checkpoint still holds exactly the
 * state of the events before its barrier, and the state backend sees one write per entity per
 * checkpoint interval instead of several per event.
 */
public final class EntityStateOperator<S, E extends EntityEvent> extends KeyedProcessOperator<String, Sourced<E>, Outgoing> {

    private static final long serialVersionUID = 1L;

    public EntityStateOperator(EntityStateFunction<S, E> function) {
        super(function);
    }

    @SuppressWarnings("unchecked")
    private EntityStateFunction<S, E> function() {
        return (EntityStateFunction<S, E>) getUserFunction();
    }

    @Override
    public void open() throws Exception {
        function().writeUnder(this::setCurrentKey);
        super.open();
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        super.prepareSnapshotPreBarrier(checkpointId);
        function().writeAll();
    }
}
