package org.doudi.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Where the MAC key comes from: the configuration, else a file generated once (development only). */
final class AuditKeys {

    private static final Logger log = LoggerFactory.getLogger(AuditKeys.class);

    private AuditKeys() {
    }

    static AuditMacs load(AuditProperties properties) {
        if (properties.keyConfigured()) {
            return new AuditMacs(properties.key().getBytes(StandardCharsets.UTF_8));
        }
        Path file = properties.keyFile().toAbsolutePath().normalize();
        AuditMacs macs = new AuditMacs(readOrCreate(file));
        log.warn("doudi.audit.key (DOUDI_AUDIT_KEY) is not set: the audit trail is sealed with the key generated in {}"
                + " (key id {}). Production must set DOUDI_AUDIT_KEY, the same on every node, and keep it out of the"
                + " database and its backups.", file, macs.keyId());
        return macs;
    }

    static byte[] readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return decode(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the audit key file " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path temporary = Files.createTempFile(file.getParent(), ".audit-key", ".tmp");
        try {
            restrict(temporary);
            Files.writeString(temporary, Base64.getEncoder().encodeToString(key) + "\n");
            try {
                // A hard link appears whole or not at all and fails when the name exists, so that two nodes
                // starting at once on one folder end up with the same key.
                Files.createLink(file, temporary);
            } catch (FileAlreadyExistsException taken) {
                // another node was first: use its key
            } catch (IOException | UnsupportedOperationException noLinks) {
                try {
                    Files.move(temporary, file);
                } catch (FileAlreadyExistsException taken) {
                    // another node was first
                }
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's permissions apply
        }
    }

    private static byte[] decode(Path file) throws IOException {
        String text = Files.readString(file).trim();
        try {
            byte[] key = Base64.getDecoder().decode(text);
            if (key.length < AuditProperties.MINIMUM_KEY_LENGTH) {
                throw new IllegalStateException("the audit key file " + file + " holds fewer than "
                        + AuditProperties.MINIMUM_KEY_LENGTH + " bytes");
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the audit key file " + file + " is not Base64", e);
        }
    }
}
