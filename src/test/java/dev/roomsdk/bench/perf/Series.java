package dev.roomsdk.bench.perf;

import java.util.ArrayList;
import java.util.List;

/**
 * One contender's measurements in one scenario: a value per round (time per operation,
 * operations per second, ...) and, where measured, the bytes it allocated per operation in
 * that round. Round i of every contender in a scenario ran back to back, so ratios are taken
 * round by round.
 */
final class Series {

    final String name;
    final List<Double> values = new ArrayList<>();
    final List<Double> allocated = new ArrayList<>();
    /** Free text shown in the last column instead of the allocation (e.g. peak heap). */
    String extra;

    Series(String name) {
        this.name = name;
    }
}
