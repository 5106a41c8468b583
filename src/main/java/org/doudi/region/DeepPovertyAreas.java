package org.doudi.region;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Flagged regions read at once ({@link RegionService#deepPovertyAreas()}, or a code's own line of them,
 * {@link RegionService#deepPovertyAreasOf}), answering for any code in memory: a list asks once, not once
 * per row. A code lies in a deep-poverty area when it, its township or its county carries a flag.
 */
public final class DeepPovertyAreas {

    /** An area: the kind a code lies in and the region whose flag gives it (the nearest, if two give it). */
    public record Area(DeepPoverty kind, String flaggedRegion) {
    }

    private final Map<String, DeepPoverty> flags;

    DeepPovertyAreas(Map<String, DeepPoverty> flags) {
        this.flags = Map.copyOf(flags);
    }

    /** The flags as read: region code → its own flag. */
    public Map<String, DeepPoverty> flags() {
        return flags;
    }

    /** The kind of deep-poverty area a county, township or village code lies in, if any. */
    public Optional<DeepPoverty> kindOf(String code) {
        return areaOf(code).map(Area::kind);
    }

    /** The area a code lies in and which region's flag puts it there, if any. */
    public Optional<Area> areaOf(String code) {
        Area area = null;
        for (String c : selfAndAncestors(code)) {
            DeepPoverty flag = flags.get(c);
            if (flag != null && (area == null || DeepPoverty.wider(area.kind(), flag) != area.kind())) {
                area = new Area(flag, c);
            }
        }
        return Optional.ofNullable(area);
    }

    /**
     * The code, its township and its county, nearest first ({@code 130104200201} → {@code 130104200201},
     * {@code 130104200}, {@code 130104}); none for a code that is no county, township or village code.
     */
    static List<String> selfAndAncestors(String code) {
        RegionLevel level = RegionLevel.ofCode(code);
        if (level == null) {
            return List.of();
        }
        List<String> codes = new ArrayList<>(3);
        codes.add(code);
        if (level == RegionLevel.VILLAGE) {
            codes.add(code.substring(0, RegionLevel.TOWNSHIP.codeLength()));
        }
        if (level != RegionLevel.COUNTY) {
            codes.add(code.substring(0, RegionLevel.COUNTY.codeLength()));
        }
        return codes;
    }
}
