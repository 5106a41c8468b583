package org.doudi.monitoring;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The resident IDs of an upload seen so far, as numbers in an open-addressing table of {@code long}s (2 000 000 IDs
 * take 32 MB, not the hundreds of a set of strings), and the IDs seen more than once: only for those does the upload
 * look for repeated rows in the database.
 */
final class SeenIds {

    private static final long EMPTY = 0L;

    private long[] table = new long[1 << 16];
    private int size;
    private final Set<String> repeated = new LinkedHashSet<>();

    /** Records a valid 18-character resident ID. */
    void add(String id) {
        long key = key(id);
        if (!insert(key)) {
            repeated.add(id);
        }
    }

    /** The IDs seen more than once, in the order their first repeat came. */
    Set<String> repeated() {
        return repeated;
    }

    /** 17 digits and the check character (X is 10) as one positive number. */
    static long key(String id) {
        char check = id.charAt(17);
        return Long.parseLong(id, 0, 17, 10) * 11 + (check == 'X' ? 10 : check - '0') + 1;
    }

    private boolean insert(long key) {
        if ((size + 1) * 2 > table.length) {
            grow();
        }
        int mask = table.length - 1;
        int i = mix(key) & mask;
        while (table[i] != EMPTY) {
            if (table[i] == key) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = key;
        size++;
        return true;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        size = 0;
        Arrays.stream(old).filter(k -> k != EMPTY).forEach(this::insert);
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
