package org.doudi.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.doudi.DoudiApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.CanvasOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions;

/**
 * The application modules, verified by Spring Modulith: each package below {@code org.doudi} is a module, its
 * root package is its API and its sub-packages ({@code web/}, {@code process/}) are internal unless a type
 * or package is marked {@code @NamedInterface} (the case process contract is {@code cases :: process}).
 * {@code shared} is a shared module: everyone may use it without saying so.
 * <p>
 * <b>How a module declares what it may use.</b> Every module has a {@code package-info.java} with
 * {@code @ApplicationModule(displayName = "…", allowedDependencies = {…})} listing the modules (and named
 * interfaces, {@code "cases :: process"}) it may depend on. A new module, say {@code org.doudi.enrolment}
 * listening to an event of {@code cases}, adds
 * <pre>
 * &#64;ApplicationModule(displayName = "Enrolments (保障对象)", allowedDependencies = { "cases", "household", "region", "security" })
 * package org.doudi.enrolment;
 * </pre>
 * (until it does, {@link #everyModuleDeclaresWhichModulesItMayUse} fails and names what it uses today), and a
 * module that starts to use another adds that one to its own list. Dependencies go one way: the foundation
 * ({@link #FOUNDATION}) uses only the foundation, {@code cases} uses only the foundation, the features use
 * {@code cases} and the foundation and each other without cycles, and nobody uses the modules at the top
 * ({@link #TOP}). A new module is a feature unless it is added to one of those sets.
 * <p>
 * The module diagrams and canvases in {@code docs/modules/} are generated from this model; a change of the
 * modules that changes them fails {@link #committedModuleDocumentationMatchesTheCode} until they are
 * regenerated: {@code mvn -o test -Dtest=ModularityTest -Ddocs.update=true}, then commit {@code docs/modules/}.
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(DoudiApplication.class);

    /** Below every feature: they use no feature and no case. */
    static final Set<String> FOUNDATION = Set.of("shared", "household", "region", "security", "calendar", "audit",
            "engine");
    /** Read from everything, used by nothing: the written notices, the demo, the HTTP API's common parts. */
    static final Set<String> TOP = Set.of("documents", "demo", "web");

    private static final Path DOCS = Path.of("docs/modules");
    private static final Path GENERATED = Path.of("target/modules-docs");

    @Test
    void modulesHaveNoCyclesAndUseOnlyEachOthersApiAndWhatTheyDeclare() {
        MODULES.verify();
    }

    @Test
    void everyModuleDeclaresWhichModulesItMayUse() {
        List<String> undeclared = new ArrayList<>();
        for (var module : MODULES) {
            String pkg = module.getBasePackage().getName();
            ApplicationModule declared = packageInfo(pkg);
            if (declared == null || List.of(declared.allowedDependencies()).equals(List.of(ApplicationModule.OPEN_TOKEN))) {
                undeclared.add(module.getName() + " (uses today: " + dependenciesOf(module.getName()) + ")");
            }
        }
        assertThat(undeclared)
                .as("modules without @ApplicationModule(allowedDependencies = …) in their package-info.java")
                .isEmpty();
    }

    @Test
    void theFoundationAndTheCasesDependOnNoFeature() {
        for (var module : MODULES) {
            String name = module.getName();
            if (FOUNDATION.contains(name) || name.equals("cases")) {
                assertThat(dependenciesOf(name)).as(name + " depends only on the foundation").isSubsetOf(FOUNDATION);
            }
        }
    }

    /** The written notices read the features and nobody reads them; nor the demo or the HTTP API's common parts. */
    @Test
    void nothingDependsOnTheModulesAtTheTop() {
        for (var module : MODULES) {
            assertThat(dependenciesOf(module.getName())).as(module.getName() + " depends on a module at the top")
                    .doesNotContainAnyElementsOf(TOP);
        }
    }

    @Test
    void committedModuleDocumentationMatchesTheCode() throws IOException {
        assertThat(Charset.defaultCharset()).as("the Documenter writes in the default charset: run the tests with "
                + "-Dfile.encoding=UTF-8 (the surefire argLine in pom.xml does)").isEqualTo(StandardCharsets.UTF_8);
        Map<String, String> generated = document(GENERATED);
        if (Boolean.getBoolean("docs.update")) {
            write(DOCS, generated);
            return;
        }
        Map<String, String> committed = read(DOCS);
        List<String> stale = new ArrayList<>();
        generated.forEach((file, text) -> {
            if (!text.equals(committed.get(file))) {
                stale.add(committed.containsKey(file) ? file + " differs" : file + " is missing");
            }
        });
        committed.keySet().stream().filter(file -> !generated.containsKey(file))
                .forEach(file -> stale.add(file + " belongs to no module any more"));
        assertThat(stale).as("docs/modules/ is out of date with the code: regenerate it with "
                + "`mvn -o test -Dtest=ModularityTest -Ddocs.update=true` and commit it").isEmpty();
    }

    /**
     * The overview diagram, one diagram and one canvas per module, and the document that includes them all,
     * written to the folder and read back in a canonical order (see {@link #canonical}).
     */
    private static Map<String, String> document(Path folder) throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(folder.toString()))
                .writeModulesAsPlantUml(DiagramOptions.defaults())
                .writeIndividualModulesAsPlantUml(DiagramOptions.defaults())
                .writeModuleCanvases(CanvasOptions.defaults())
                .writeAggregatingDocument(DiagramOptions.defaults(), CanvasOptions.defaults());
        Map<String, String> files = new TreeMap<>();
        read(folder).forEach((file, text) -> files.put(file, canonical(text)));
        return files;
    }

    /**
     * The Documenter lists the components and relations of a diagram and the entries of a canvas in an order
     * that can change from one run to the next (it follows hash codes of the class model); each run of such
     * lines is sorted, so that the same modules always give the same files.
     */
    static String canonical(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int i = 0;
        while (i < lines.size()) {
            String kind = kindOf(lines.get(i));
            int end = i + 1;
            while (kind != null && end < lines.size() && kind.equals(kindOf(lines.get(end)))
                    && !lines.get(end).startsWith("|")) {
                end++;
            }
            if (kind != null && end - i > 1) {
                boolean cell = lines.get(i).startsWith("|");
                List<String> run = new ArrayList<>(lines.subList(i, end));
                if (cell) {
                    run.set(0, run.get(0).substring(1));
                }
                run.sort(null);
                if (cell) {
                    run.set(0, "|" + run.get(0));
                }
                for (int k = 0; k < run.size(); k++) {
                    lines.set(i + k, run.get(k));
                }
            }
            i = end;
        }
        return String.join("\n", lines);
    }

    /** Lines whose order carries no meaning: a diagram's components and relations, a canvas's list items. */
    private static String kindOf(String line) {
        String bare = line.startsWith("|") ? line.substring(1) : line;
        if (bare.startsWith("* ")) {
            return "item";
        }
        if (line.startsWith("Rel(")) {
            return "relation";
        }
        if (line.startsWith("  Component(")) {
            return "component";
        }
        return null;
    }

    private static Set<String> dependenciesOf(String moduleName) {
        var module = MODULES.getModuleByName(moduleName).orElseThrow();
        return module.getDirectDependencies(MODULES).uniqueModules().map(m -> m.getName())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static ApplicationModule packageInfo(String pkg) {
        try {
            return Class.forName(pkg + ".package-info").getAnnotation(ApplicationModule.class);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    private static void write(Path folder, Map<String, String> files) throws IOException {
        for (String old : read(folder).keySet()) {
            Files.delete(folder.resolve(old));
        }
        Files.createDirectories(folder);
        for (var file : files.entrySet()) {
            Files.writeString(folder.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, String> read(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.filter(Files::isRegularFile).forEach(p -> {
                try {
                    files.put(folder.relativize(p).toString(),
                            Files.readString(p, StandardCharsets.UTF_8).replace("\r\n", "\n"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return files;
    }
}
