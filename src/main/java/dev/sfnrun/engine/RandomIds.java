package dev.sfnrun.engine;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random (version 4) UUIDs for names and request ids, drawn from the thread's own random source
 * rather than {@link UUID#randomUUID()}'s shared SecureRandom: thousands of Map children would
 * contend for that one, and seeding it costs every run a few milliseconds at start-up.
 */
public final class RandomIds {
    private RandomIds() {
    }

    public static String uuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
