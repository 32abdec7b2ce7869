package dev.netc.check;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the cycles among layers, one per group of layers that feed each other (a strongly connected component), so a
 * tangle of layers gives one message rather than one per edge. Iterative throughout: a spec may have up to {@link
 * SizeRules#MAX_LAYERS} layers, and a recursive walk must not depend on the thread's stack size.
 */
final class CycleFinder {

    /** A layer name and the layers it reads, in written order; the network input and self-reads are left out. */
    private final Map<String, List<String>> reads;

    private final Map<String, List<String>> readBy = new HashMap<>();

    /** @param reads every layer, in written order, with the other layers it reads */
    CycleFinder(Map<String, List<String>> reads) {
        this.reads = new LinkedHashMap<>(reads);
        reads.forEach((layer, inputs) -> {
            for (String input : inputs) {
                readBy.computeIfAbsent(input, k -> new ArrayList<>()).add(layer);
            }
        });
    }

    /**
     * One cycle per group of layers that feed each other, each starting at the group's first layer in written order
     * and following reads: {@code [a, c, b, a]} means {@code a} reads {@code c}, which reads {@code b}, which reads
     * {@code a}. Cycles are shortest paths, so a message names as few layers as possible.
     */
    List<List<String>> cycles() {
        List<List<String>> cycles = new ArrayList<>();
        Set<String> covered = new HashSet<>();
        for (String start : reads.keySet()) {
            if (covered.contains(start)) {
                continue;
            }
            shortestCycleThrough(start).ifPresent(cycle -> {
                cycles.add(cycle);
                Set<String> group = reachable(start, reads);
                group.retainAll(reachable(start, readBy));
                covered.addAll(group);
            });
        }
        return cycles;
    }

    /** A breadth-first search along reads from {@code start} back to itself. */
    private Optional<List<String>> shortestCycleThrough(String start) {
        Map<String, String> reachedFrom = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String layer = queue.removeFirst();
            for (String input : reads.getOrDefault(layer, List.of())) {
                if (input.equals(start)) {
                    return Optional.of(path(start, layer, reachedFrom));
                }
                if (!reachedFrom.containsKey(input)) {
                    reachedFrom.put(input, layer);
                    queue.addLast(input);
                }
            }
        }
        return Optional.empty();
    }

    /** The path start, ..., last, start recovered from the search's back links. */
    private static List<String> path(String start, String last, Map<String, String> reachedFrom) {
        List<String> backwards = new ArrayList<>(List.of(start));
        for (String layer = last; !layer.equals(start); layer = reachedFrom.get(layer)) {
            backwards.add(layer);
        }
        backwards.add(start);
        Collections.reverse(backwards);
        return backwards;
    }

    /** Every layer reachable from {@code start} along {@code edges}, including {@code start}. */
    private static Set<String> reachable(String start, Map<String, List<String>> edges) {
        Set<String> seen = new HashSet<>(List.of(start));
        Deque<String> stack = new ArrayDeque<>(List.of(start));
        while (!stack.isEmpty()) {
            for (String next : edges.getOrDefault(stack.pop(), List.of())) {
                if (seen.add(next)) {
                    stack.push(next);
                }
            }
        }
        return seen;
    }
}
