package org.followuptracker.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointKeyTest {

    @TempDir
    Path data;

    @Test
    void theKeyFileIsMadeOnFirstStartReadableByItsOwnerOnlyAndUsedAgainAfter() throws Exception {
        Path file = data.resolve("query-service").resolve("audit-signing-key");

        CheckpointKey made = CheckpointKey.load(null, file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----\n")
                .endsWith("-----END PRIVATE KEY-----\n");
        try (var left = Files.list(file.getParent())) {
            assertThat(left).as("nothing left beside it").containsExactly(file);
        }
        CheckpointKey again = CheckpointKey.load(null, file);
        assertThat(again.id()).isEqualTo(made.id());
        assertThat(again.publicKeyPem()).isEqualTo(made.publicKeyPem());
        byte[] statement = "{\"countries\":[]}".getBytes(StandardCharsets.UTF_8);
        assertThat(made.verifies(statement, again.sign(statement))).isTrue();
    }

    @Test
    void theSettingWinsOverTheFile() {
        KeyPair pair = CheckpointKey.generate();
        String setting = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
        Path file = data.resolve("audit-signing-key");

        CheckpointKey key = CheckpointKey.load(setting, file);

        assertThat(key.id()).isEqualTo(CheckpointKey.idOf(pair.getPublic()));
        assertThat(key.publicKeyPem()).isEqualTo(CheckpointKey.pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        assertThat(file).doesNotExist();
    }

    @Test
    void aSignatureDoesNotVerifyAnotherStatementNorWithAnotherKey() {
        CheckpointKey key = CheckpointKey.load(null, data.resolve("one"));
        CheckpointKey other = CheckpointKey.load(null, data.resolve("other"));
        byte[] statement = "{\"position\":5}".getBytes(StandardCharsets.UTF_8);
        byte[] signature = key.sign(statement);

        assertThat(key.verifies(statement, signature)).isTrue();
        assertThat(key.verifies("{\"position\":6}".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        assertThat(other.verifies(statement, signature)).isFalse();
        assertThat(key.verifies(statement, new byte[3])).isFalse();
    }

    @Test
    void aSettingThatIsNoEd25519PrivateKeyStopsTheStart() {
        assertThatThrownBy(() -> CheckpointKey.load("bm90IGEga2V5", data.resolve("unused")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("tracker.audit.signing-key");
    }
}
