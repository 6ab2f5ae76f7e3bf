package dev.scoreline.testkit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Feeds of several entities, merged as concurrent feeds reach Kafka. */
public final class Feeds {

    private Feeds() {}

    /** The events of several entities, taken in turn. */
    public static <E> List<E> interleave(List<List<E>> feeds) {
        List<Iterator<E>> its = feeds.stream().map(List::iterator).toList();
        List<E> out = new ArrayList<>();
        boolean any = true;
        while (any) {
            any = false;
            for (Iterator<E> it : its) {
                if (it.hasNext()) {
                    out.add(it.next());
                    any = true;
                }
            }
        }
        return out;
    }
}
