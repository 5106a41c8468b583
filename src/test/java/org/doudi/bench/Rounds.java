package org.doudi.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Interleaved timing: every round calls every probe once, starting one probe further each round, so that
 * drift (caches, other load) reaches all of them alike. Medians and 95th percentiles per probe.
 */
final class Rounds {

    private static final Logger log = LoggerFactory.getLogger(Rounds.class);

    /** One timed call; returns false when the thing measured does not exist here (recorded as n/a). */
    interface Call {
        boolean run() throws Exception;
    }

    record Probe(String key, Call call) {
    }

    static final class Stats {
        final List<Double> millis = new ArrayList<>();
        boolean absent;
        String error;

        double median() {
            return percentile(50);
        }

        double p95() {
            return percentile(95);
        }

        double percentile(int p) {
            if (millis.isEmpty()) {
                return Double.NaN;
            }
            List<Double> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
        }

        boolean measured() {
            return !absent && error == null && !millis.isEmpty();
        }
    }

    private final Map<String, Stats> stats = new LinkedHashMap<>();

    Map<String, Stats> stats() {
        return stats;
    }

    Stats of(String key) {
        return stats.computeIfAbsent(key, k -> new Stats());
    }

    void run(List<Probe> probes, int warmup, int rounds) {
        probes.forEach(p -> of(p.key()));
        for (int r = -warmup; r < rounds; r++) {
            for (int i = 0; i < probes.size(); i++) {
                Probe p = probes.get(Math.floorMod(i + r, probes.size()));
                Stats s = of(p.key());
                if (s.absent || s.error != null) {
                    continue;
                }
                long t0 = System.nanoTime();
                try {
                    boolean present = p.call().run();
                    double ms = (System.nanoTime() - t0) / 1e6;
                    if (!present) {
                        s.absent = true;
                    } else if (r >= 0) {
                        s.millis.add(ms);
                    }
                } catch (Exception | AssertionError e) {
                    s.error = e.getClass().getSimpleName() + ": " + e.getMessage();
                    log.warn("probe {} failed: {}", p.key(), s.error);
                }
            }
            if (r >= 0) {
                log.info("round {} of {} done", r + 1, rounds);
            }
        }
    }
}
