package org.doudi.region;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A county, township or village, identified by its statistical division code. */
@Entity
@Table(name = "region")
public class Region {

    @Id
    private String code;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RegionLevel level;

    @Column(name = "parent_code")
    private String parentCode;

    /**
     * Its own deep-poverty flag (深度贫困地区), {@code null} for none. Whether a region lies in such an area also
     * depends on its township and county: {@link RegionService#deepPovertyOf}.
     */
    @Enumerated(EnumType.STRING)
    @Column(name = "deep_poverty")
    private DeepPoverty deepPoverty;

    protected Region() {
    }

    public Region(String code, String name, String parentCode) {
        RegionLevel level = RegionLevel.ofCode(code);
        if (level == null) {
            throw new IllegalArgumentException("not a county, township or village code: " + code);
        }
        if (level != RegionLevel.COUNTY && (parentCode == null || !code.startsWith(parentCode))) {
            throw new IllegalArgumentException("region " + code + " must lie within its parent " + parentCode);
        }
        this.code = code;
        this.name = name;
        this.level = level;
        this.parentCode = parentCode;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public RegionLevel level() {
        return level;
    }

    public String parentCode() {
        return parentCode;
    }

    /** Its own flag, {@code null} for none (the flag of its township or county may still apply). */
    public DeepPoverty deepPoverty() {
        return deepPoverty;
    }

    /** Sets or ({@code null}) clears its own flag; only through {@link DeepPovertyFlags}. */
    void flagDeepPoverty(DeepPoverty kind) {
        this.deepPoverty = kind;
    }

    /** The 9-digit township this region lies in, or {@code null} for a county. */
    public String townshipCode() {
        return code.length() >= 9 ? code.substring(0, 9) : null;
    }

    /** The 6-digit county this region lies in. */
    public String countyCode() {
        return code.substring(0, 6);
    }
}
