package com.quanyu.shared.ml.recommend.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.IntPredicate;

/** The indices of the {@code n} highest scores that pass a filter, best first; ties go to the lower index. */
public final class TopN {
    private TopN() {}

    public static int[] of(float[] scores, int n, IntPredicate allowed) {
        PriorityQueue<Integer> heap = new PriorityQueue<>(n + 1, (a, b) -> {
            int c = Float.compare(scores[a], scores[b]);
            return c != 0 ? c : Integer.compare(b, a);
        });
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] <= 0 || !allowed.test(i)) {
                continue;
            }
            if (heap.size() < n) {
                heap.add(i);
            } else if (scores[i] > scores[heap.peek()]) {
                heap.poll();
                heap.add(i);
            }
        }
        List<Integer> best = new ArrayList<>(heap);
        best.sort((a, b) -> {
            int c = Float.compare(scores[b], scores[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        return best.stream().mapToInt(Integer::intValue).toArray();
    }
}
