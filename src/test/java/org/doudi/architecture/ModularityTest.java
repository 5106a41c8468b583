package org.doudi.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Dependencies between feature packages go one way: features use {@code cases}, never the reverse
 * ({@code household} below {@code region}, which holds the local policy);
 * the review uses the verification, never the reverse; the domain packages know nothing of the web.
 */
class ModularityTest {

    private static final Path MAIN = Path.of("src/main/java/org/doudi");
    private static final Pattern IMPORT = Pattern.compile("^import (static )?org\\.doudi\\.(\\w+)", Pattern.MULTILINE);

    /** Package → packages it must not import. */
    private static final Map<String, List<String>> FORBIDDEN = Map.ofEntries(
            Map.entry("region", List.of("cases", "verification", "review", "fund", "temporary", "referral", "demo",
                    "web")),
            Map.entry("household", List.of("cases", "verification", "review", "fund", "temporary", "referral",
                    "demo", "web")),
            Map.entry("shared", List.of("cases", "household", "region", "verification", "review", "fund",
                    "temporary", "referral", "demo", "web", "security")),
            Map.entry("security", List.of("cases", "verification", "review", "fund", "temporary", "referral",
                    "demo", "web")),
            Map.entry("cases", List.of("verification", "review", "fund", "temporary", "referral", "escalation",
                    "supervision", "calendar", "demo", "web", "search")),
            Map.entry("search", List.of("verification", "review", "fund", "temporary", "referral", "escalation",
                    "supervision", "demo", "web")),
            Map.entry("verification", List.of("review", "fund", "temporary", "referral", "demo", "web")),
            Map.entry("review", List.of("fund", "temporary", "referral", "demo", "web")),
            Map.entry("fund", List.of("verification", "review", "temporary", "referral", "demo", "web")),
            Map.entry("temporary", List.of("referral", "demo", "web")),
            Map.entry("referral", List.of("review", "fund", "temporary", "escalation", "supervision", "demo", "web")),
            Map.entry("calendar", List.of("cases", "household", "verification", "review", "fund", "temporary",
                    "referral", "escalation", "supervision", "demo", "web")),
            Map.entry("escalation", List.of("verification", "review", "fund", "temporary", "referral", "supervision",
                    "demo", "web")),
            Map.entry("safeguards", List.of("verification", "review", "fund", "temporary", "referral", "demo",
                    "web")),
            Map.entry("supervision", List.of("verification", "review", "fund", "temporary", "referral", "demo",
                    "web")));

    @Test
    void featureDependenciesGoOneWay() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = MAIN.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue;
                }
                String feature = relative.getName(0).toString();
                List<String> forbidden = FORBIDDEN.getOrDefault(feature, List.of());
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    assertThat(m.group(2)).as(relative + " imports org.doudi." + m.group(2)).isNotIn(forbidden);
                }
            }
        }
    }

    /**
     * The written notices (documents) read from the features and nobody reads them: only their own
     * package imports {@code org.doudi.documents}.
     */
    @Test
    void nothingDependsOnTheDocuments() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = MAIN.relativize(file);
                if (relative.getNameCount() >= 2 && relative.getName(0).toString().equals("documents")) {
                    continue;
                }
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    assertThat(m.group(2)).as(relative + " imports org.doudi." + m.group(2)).isNotEqualTo("documents");
                }
            }
        }
    }
}
