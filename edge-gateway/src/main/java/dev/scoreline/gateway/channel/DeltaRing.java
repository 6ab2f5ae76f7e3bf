package dev.scoreline.gateway.channel;

import dev.scoreline.gateway.wire.Frame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The last few deltas of one channel, oldest first, each one applicable right after the one
 * before it: what lets a client that reconnects get only what it missed.
 */
public final class DeltaRing {

    private final Frame[] slots;
    private int head;
    private int size;

    public DeltaRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("ring capacity must be >= 1: " + capacity);
        }
        this.slots = new Frame[capacity];
    }

    /** Appends a delta that applies to the state at the newest delta's {@code to}. */
    public void add(Frame delta) {
        if (delta.kind() != Frame.Kind.DELTA) {
            throw new IllegalArgumentException("only deltas go into the ring: " + delta);
        }
        slots[(head + size) % slots.length] = delta;
        if (size < slots.length) {
            size++;
        } else {
            head = (head + 1) % slots.length;
        }
    }

    public void clear() {
        Arrays.fill(slots, null);
        head = 0;
        size = 0;
    }

    public int size() {
        return size;
    }

    /**
     * The deltas that take a holder at {@code version} to the newest version, or null when the
     * ring does not reach back that far, or is empty (the holder needs a snapshot). An empty list
     * when the holder is already at (or past) the newest delta.
     */
    public List<Frame> after(long version) {
        if (size == 0) {
            return null;
        }
        int first = -1;
        for (int i = 0; i < size; i++) {
            if (at(i).to() > version) {
                first = i;
                break;
            }
        }
        if (first < 0) {
            return List.of();
        }
        Frame oldest = at(first);
        boolean covered = oldest.exactBase() ? oldest.from() - 1 == version : oldest.from() - 1 <= version;
        if (!covered) {
            return null;
        }
        List<Frame> out = new ArrayList<>(size - first);
        for (int i = first; i < size; i++) {
            out.add(at(i));
        }
        return out;
    }

    private Frame at(int i) {
        return slots[(head + i) % slots.length];
    }
}
