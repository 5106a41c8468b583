package org.doudi.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The trail stands below the features: it reads who acts ({@code security}), staff scopes
 * ({@code region}) and the shared error types, never a feature's code (a case's county is read with
 * SQL), so that every feature, and the engine's guard, may record into it. Its public face is
 * {@link AuditTrail} and {@link AuditEvent}, and {@link KeyDerivation} for features that need a secret key of
 * their own derived from the audit key (case search's keyed hashes).
 */
class AuditModuleTest {

    private static final Path AUDIT = Path.of("src/main/java/org/doudi/audit");
    private static final Pattern IMPORT = Pattern.compile("^import (static )?org\\.doudi\\.(\\w+)", Pattern.MULTILINE);
    private static final List<String> ALLOWED = List.of("audit", "security", "region", "shared", "TimeConfig");

    @Test
    void dependsOnNoFeature() throws IOException {
        try (Stream<Path> files = Files.walk(AUDIT)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    assertThat(m.group(2)).as(file + " imports org.doudi." + m.group(2)).isIn(ALLOWED);
                }
            }
        }
    }

    @Test
    void showsOnlyTheTrailAndItsEvent() throws IOException {
        try (Stream<Path> files = Files.walk(AUDIT)) {
            List<String> publicTypes = files.filter(f -> f.toString().endsWith(".java"))
                    .map(f -> f.getFileName().toString().replace(".java", ""))
                    .filter(name -> {
                        try {
                            return Modifier.isPublic(Class.forName("org.doudi.audit." + name).getModifiers());
                        } catch (ClassNotFoundException e) {
                            throw new IllegalStateException(e);
                        }
                    }).sorted().toList();
            assertThat(publicTypes).containsExactly("AuditEvent", "AuditTrail", "KeyDerivation");
        }
    }
}
