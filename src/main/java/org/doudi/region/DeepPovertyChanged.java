package org.doudi.region;

/**
 * A region's own deep-poverty flag was set, changed or cleared (also: set again as it was), published in the
 * transaction of the change. Whoever keeps the flag of what lies in the region (the open-task read model)
 * rewrites it there, in the same transaction.
 *
 * @param regionCode the county, township or village whose flag it is
 * @param kind its flag now, {@code null} when cleared
 * @param previous its flag before, {@code null} when it had none
 */
public record DeepPovertyChanged(String regionCode, DeepPoverty kind, DeepPoverty previous) {

    /** The level of the region: which column of a read model holds its code. */
    public RegionLevel level() {
        return RegionLevel.ofCode(regionCode);
    }
}
