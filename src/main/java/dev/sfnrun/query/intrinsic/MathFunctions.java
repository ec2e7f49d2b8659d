package dev.sfnrun.query.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.query.Json;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/** States.MathRandom, MathAdd. */
final class MathFunctions {
    private MathFunctions() {
    }

    /** A random integer, start inclusive, end exclusive; with a seed the value is always the same. */
    static JsonNode random(Args args) {
        int start = args.roundedInt(0);
        int end = args.roundedInt(1);
        RandomGenerator generator = args.count() == 3
                ? new Random(args.truncatedInt(2))
                : ThreadLocalRandom.current();
        if (start >= end) {
            throw args.invalid();
        }
        return Json.NODES.numberNode(generator.nextInt(start, end));
    }

    /** The sum of two 32-bit integers; a sum outside that range fails. */
    static JsonNode add(Args args) {
        long sum = (long) args.roundedInt(0) + args.roundedInt(1);
        if (sum < Integer.MIN_VALUE || sum > Integer.MAX_VALUE) {
            throw args.invalid();
        }
        return Json.NODES.numberNode((int) sum);
    }
}
