package dev.ttsconnector.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/** Splits entries into service batches bounded by count and total bytes. */
final class Batches {

    private Batches() {
    }

    static <T> List<List<T>> split(List<T> items, int maxCount, int maxBytes, ToIntFunction<T> size) {
        List<List<T>> batches = new ArrayList<>();
        List<T> current = new ArrayList<>();
        int bytes = 0;
        for (T item : items) {
            int itemBytes = size.applyAsInt(item);
            if (!current.isEmpty() && (current.size() == maxCount || bytes + itemBytes > maxBytes)) {
                batches.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(item);
            bytes += itemBytes;
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }
}
