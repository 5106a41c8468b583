package org.doudi.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The enrolment module reacts to cases and nothing depends on it: no other package imports
 * {@code org.doudi.enrolment} (cases learn of enrolments through their SPIs), and it reads only the
 * modules an approval is made of.
 */
class EnrolmentBoundariesTest {

    private static final Path MAIN = Path.of("src/main/java/org/doudi");
    private static final Pattern IMPORT = Pattern.compile("^import (static )?org\\.doudi\\.(\\w+)", Pattern.MULTILINE);
    private static final List<String> MAY_USE = List.of("cases", "household", "region", "security", "shared",
            "enrolment", "TimeConfig");

    @Test
    void nothingDependsOnTheEnrolmentModuleAndItUsesOnlyCasesAndTheBaseModules() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = MAIN.relativize(file);
                boolean inModule = relative.getNameCount() >= 2 && relative.getName(0).toString().equals("enrolment");
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    if (inModule) {
                        assertThat(m.group(2)).as(relative + " imports org.doudi." + m.group(2)).isIn(MAY_USE);
                    } else {
                        assertThat(m.group(2)).as(relative + " imports org.doudi." + m.group(2))
                                .isNotEqualTo("enrolment");
                    }
                }
            }
        }
    }
}
