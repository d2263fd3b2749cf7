package org.followuptracker.query.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Ed25519 key that signs the audit checkpoints. It lives outside the read store, so that whoever can rewrite the
 * store cannot sign what they wrote: in a setting ({@code tracker.audit.signing-key}, PKCS#8 in base64, which wins),
 * or in a file (PEM, PKCS#8) made on first start with owner-only mode ({@code rw-------}).
 */
final class CheckpointKey {

    static final String ALGORITHM = "Ed25519";
    private static final Logger log = LoggerFactory.getLogger(CheckpointKey.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String id;

    private CheckpointKey(KeyPair pair) {
        this.privateKey = pair.getPrivate();
        this.publicKey = pair.getPublic();
        this.id = idOf(publicKey);
    }

    /** The key of the setting if given, else the key in {@code file}, made there if it is missing. */
    static CheckpointKey load(String setting, Path file) {
        try {
            if (setting != null && !setting.isBlank()) {
                return new CheckpointKey(pairOf(Base64.getMimeDecoder().decode(setting.strip())));
            }
            if (!Files.exists(file)) {
                create(file);
            } else {
                warnIfOthersMayRead(file);
            }
            return new CheckpointKey(pairOf(fromPem(Files.readString(file, StandardCharsets.US_ASCII))));
        } catch (IOException e) {
            throw new UncheckedIOException("the audit signing key " + file + " cannot be read or made", e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the audit signing key (" + (setting != null && !setting.isBlank()
                    ? "tracker.audit.signing-key" : file) + ") is no Ed25519 private key in PKCS#8", e);
        }
    }

    /** A key pair made now: for tests and for {@link #create}. */
    static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime from 15 on has Ed25519", e);
        }
    }

    byte[] sign(byte[] statement) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey);
            signature.update(statement);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the audit signing key", e);
        }
    }

    boolean verifies(byte[] statement, byte[] signed) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(publicKey);
            signature.update(statement);
            return signature.verify(signed);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The public key as PEM (X.509 SubjectPublicKeyInfo), as {@code openssl pkey -pubin} reads it. */
    String publicKeyPem() {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    /** The first 16 hex digits of SHA-256 over the public key's DER: names the key a checkpoint was signed with. */
    String id() {
        return id;
    }

    static String idOf(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()))
                    .substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * Written whole beside the file first, then moved to its name, so that no one reads a half-written key; if another
     * process made the file meanwhile, its key is the one used.
     */
    private static void create(Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path written;
        try {
            written = Files.createTempFile(folder, ".audit-signing-key", ".tmp",
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException notPosix) {
            written = Files.createTempFile(folder, ".audit-signing-key", ".tmp");
        }
        try {
            try (FileChannel channel = FileChannel.open(written, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(pem("PRIVATE KEY", generate().getPrivate().getEncoded())
                        .getBytes(StandardCharsets.US_ASCII)));
                channel.force(true);
            }
            Files.move(written, file);
            log.info("made the audit signing key {} (readable by its owner only)", file);
        } catch (FileAlreadyExistsException madeMeanwhile) {
            log.info("the audit signing key {} was made by another process meanwhile: using it", file);
        } finally {
            Files.deleteIfExists(written);
        }
    }

    private static void warnIfOthersMayRead(Path file) throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY.containsAll(permissions)) {
                log.warn("the audit signing key {} may be read by others ({}): make it rw------- (chmod 600)", file,
                        PosixFilePermissions.toString(permissions));
            }
        } catch (UnsupportedOperationException notPosix) {
            // Nothing to check on a file system without POSIX permissions.
        }
    }

    /**
     * The pair of a private key. The JDK has no call that derives an Ed25519 public key from a private one, but its
     * generator makes the pair from 32 random bytes, which are the private key: given those, it makes this pair.
     */
    private static KeyPair pairOf(byte[] pkcs8) throws GeneralSecurityException {
        PrivateKey key = KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        byte[] seed = ((EdECPrivateKey) key).getBytes()
                .orElseThrow(() -> new GeneralSecurityException("the private key's bytes cannot be read"));
        KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
        generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
            }
        });
        KeyPair pair = generator.generateKeyPair();
        byte[] probe = "follow-up-tracker/audit-checkpoint/probe".getBytes(StandardCharsets.US_ASCII);
        Signature signature = Signature.getInstance(ALGORITHM);
        signature.initSign(key);
        signature.update(probe);
        byte[] signed = signature.sign();
        signature.initVerify(pair.getPublic());
        signature.update(probe);
        if (!signature.verify(signed)) {
            throw new GeneralSecurityException("the public key derived does not verify the private key's signature");
        }
        return new KeyPair(pair.getPublic(), key);
    }

    private static byte[] fromPem(String pem) {
        String body = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
