package org.doudi.verification;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.doudi.TimeConfig;
import org.doudi.household.ResidentId;
import org.doudi.shared.FieldViolation;
import org.doudi.shared.InvalidInputException;
import org.doudi.shared.Texts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports records from other departments' registers for data verification: all of a batch or, when
 * any record is wrong, none of it.
 */
@Service
public class RegistryImports {

    static final int MAX_RECORDS = 10_000;

    private final RegistryRecordRepository records;
    private final Clock clock;

    RegistryImports(RegistryRecordRepository records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /** A record as delivered by a register. */
    public record Entry(String idNumber, String category, String description, BigDecimal amount) {
    }

    @Transactional
    public int importBatch(String batch, List<Entry> entries) {
        List<FieldViolation> errors = new ArrayList<>();
        String batchName = Texts.singleLine(batch);
        if (batchName == null || batchName.length() > 64) {
            errors.add(new FieldViolation("batch", "is required (at most 64 characters)"));
        }
        if (entries == null || entries.isEmpty()) {
            errors.add(new FieldViolation("records", "is required and not empty"));
        } else if (entries.size() > MAX_RECORDS) {
            errors.add(new FieldViolation("records", "has more than " + MAX_RECORDS + " records; split the batch"));
        }
        List<RegistryRecord> valid = new ArrayList<>();
        Instant now = clock.instant();
        LocalDate today = TimeConfig.today(clock);
        for (int i = 0; entries != null && i < entries.size() && errors.size() < 50; i++) {
            Entry e = entries.get(i);
            String path = "records[" + i + "]";
            if (e == null) {
                errors.add(new FieldViolation(path, "is empty"));
                continue;
            }
            String id = e.idNumber() == null ? null : e.idNumber().trim().toUpperCase(Locale.ROOT);
            String problem = ResidentId.problemWith(id, today);
            if (problem != null) {
                errors.add(new FieldViolation(path + ".idNumber", "「第 " + (i + 1) + " 条记录的公民身份号码」无效："
                        + problem + " (is not a valid resident ID number)"));
            }
            RegistryCategory category = null;
            try {
                category = e.category() == null ? null : RegistryCategory.valueOf(e.category().trim()
                        .toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ignored) {
                // reported below
            }
            if (category == null) {
                errors.add(new FieldViolation(path + ".category", "must be one of "
                        + Arrays.toString(RegistryCategory.values())));
            }
            String description = Texts.multiLine(e.description());
            if (description == null || description.length() > 500) {
                errors.add(new FieldViolation(path + ".description", "is required (at most 500 characters)"));
            }
            if (e.amount() != null && (e.amount().signum() < 0 || e.amount().stripTrailingZeros().scale() > 2)) {
                errors.add(new FieldViolation(path + ".amount", "must be a non-negative amount in 元"));
            }
            if (problem == null && category != null && errors.isEmpty()) {
                valid.add(new RegistryRecord(id, category, description,
                        e.amount() == null ? null : e.amount().setScale(2), batchName, now));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        records.saveAll(valid);
        return valid.size();
    }
}
