package org.doudi.review;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** How many cases of a scope were decided and how many of them drawn for a spot check. */
@Entity
@Table(name = "spot_check_tally")
class SpotCheckTally {

    @Id
    private String scope;

    @Column(nullable = false)
    private long decided;

    @Column(nullable = false)
    private long selected;

    protected SpotCheckTally() {
    }

    SpotCheckTally(String scope) {
        this.scope = scope;
    }

    /**
     * Counts one more case and says whether it is drawn: always when leaving it out would put the
     * share of checked cases under the rate, otherwise at random with the rate as probability.
     */
    boolean draw(BigDecimal rate, double random) {
        decided++;
        boolean mustDraw = BigDecimal.valueOf(selected).compareTo(rate.multiply(BigDecimal.valueOf(decided))) < 0;
        boolean drawn = mustDraw || random < rate.doubleValue();
        if (drawn) {
            selected++;
        }
        return drawn;
    }

    long decided() {
        return decided;
    }

    long selected() {
        return selected;
    }
}
