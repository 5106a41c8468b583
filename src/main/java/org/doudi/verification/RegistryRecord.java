package org.doudi.verification;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A record about a person imported from another department's register (vehicles, real estate,
 * business registration, social insurance …), read during data verification (信息核对).
 */
@Entity
@Table(name = "registry_record")
public class RegistryRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "id_number", nullable = false)
    private String idNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RegistryCategory category;

    @Column(nullable = false)
    private String description;

    /** A value in 元 where the register gives one (vehicle value, monthly wage base, deposit). */
    private BigDecimal amount;

    /** The import this record came with, e.g. {@code vehicles-2026-11}. */
    @Column(nullable = false)
    private String batch;

    @Column(name = "imported_at", nullable = false)
    private Instant importedAt;

    protected RegistryRecord() {
    }

    public RegistryRecord(String idNumber, RegistryCategory category, String description, BigDecimal amount,
            String batch, Instant importedAt) {
        this.idNumber = idNumber;
        this.category = category;
        this.description = description;
        this.amount = amount;
        this.batch = batch;
        this.importedAt = importedAt;
    }

    public String idNumber() {
        return idNumber;
    }

    public RegistryCategory category() {
        return category;
    }

    public String description() {
        return description;
    }

    public BigDecimal amount() {
        return amount;
    }
}
