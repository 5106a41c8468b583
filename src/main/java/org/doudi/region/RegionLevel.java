package org.doudi.region;

/** The administrative levels Doudi works with and the length of their division codes. */
public enum RegionLevel {
    /** 县 (county, district): 6 digits (GB/T 2260). */
    COUNTY(6),
    /** 乡镇 / 街道 (township, town, sub-district): 9 digits. */
    TOWNSHIP(9),
    /** 村 / 社区 (village or residents' committee): 12 digits. */
    VILLAGE(12);

    private final int codeLength;

    RegionLevel(int codeLength) {
        this.codeLength = codeLength;
    }

    public int codeLength() {
        return codeLength;
    }

    /** The level of a code by its length, or {@code null} when no level has that length. */
    public static RegionLevel ofCode(String code) {
        if (code == null || !code.chars().allMatch(Character::isDigit)) {
            return null;
        }
        for (RegionLevel level : values()) {
            if (level.codeLength == code.length()) {
                return level;
            }
        }
        return null;
    }
}
