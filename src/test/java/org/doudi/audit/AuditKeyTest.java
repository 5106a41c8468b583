package org.doudi.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Where the MAC key comes from, and the settings the trail refuses to start with. */
class AuditKeyTest {

    @TempDir
    Path folder;

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AuditProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    AuditProperties withoutKey(Path file) {
        return new AuditProperties(null, file, 1825, 500);
    }

    @Test
    void generatesAKeyOnceIntoTheDataFolderAndKeepsUsingIt() throws Exception {
        Path file = folder.resolve("data/audit.key");
        AuditMacs first = AuditKeys.load(withoutKey(file));

        assertThat(file).exists();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(AuditKeys.load(withoutKey(file)).keyId()).isEqualTo(first.keyId());
        assertThat(AuditKeys.load(withoutKey(folder.resolve("other/audit.key"))).keyId()).isNotEqualTo(first.keyId());
    }

    @Test
    void nodesStartingAtOnceOnOneFolderShareOneKey() throws Exception {
        Path file = folder.resolve("shared/audit.key");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(pool.submit((Callable<String>) () -> {
                start.await();
                return AuditKeys.load(withoutKey(file)).keyId();
            }));
        }
        start.countDown();
        List<String> keyIds = new ArrayList<>();
        for (Future<String> id : ids) {
            keyIds.add(id.get());
        }
        pool.shutdown();
        assertThat(keyIds).containsOnly(keyIds.get(0));
        try (var files = Files.list(file.getParent())) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("audit.key");
        }
    }

    @Test
    void aConfiguredKeyWinsAndNoFileIsWritten() {
        Path file = folder.resolve("data/audit.key");
        AuditMacs macs = AuditKeys.load(new AuditProperties("a-configured-key-of-enough-length", file, 1825, 500));
        assertThat(file).doesNotExist();
        assertThat(macs.keyId()).isEqualTo(new AuditMacs("a-configured-key-of-enough-length".getBytes()).keyId());
    }

    @Test
    void refusesAKeyFileThatIsNotAKey() throws Exception {
        Path file = folder.resolve("audit.key");
        Files.writeString(file, "not base64 at all!");
        assertThatThrownBy(() -> AuditKeys.load(withoutKey(file))).hasMessageContaining("not Base64");
    }

    @Test
    void refusesToStartWithARetentionUnder180Days() {
        context.withPropertyValues("doudi.audit.retention-days=179").run(c -> {
            assertThat(c).hasFailed();
            assertThat(c.getStartupFailure()).rootCause().hasMessageContaining("at least 180");
        });
        context.withPropertyValues("doudi.audit.retention-days=180").run(c -> assertThat(c).hasNotFailed());
        context.run(c -> assertThat(c.getBean(AuditProperties.class).retentionDays()).isEqualTo(1825));
    }

    @Test
    void refusesToStartWithAShortKey() {
        context.withPropertyValues("doudi.audit.key=short").run(c -> assertThat(c.getStartupFailure()).rootCause()
                .hasMessageContaining("at least 16 characters"));
    }
}
