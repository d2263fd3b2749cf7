package org.followuptracker.query.audit;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.List;
import org.followuptracker.query.web.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed checkpoints of the audit chains, for auditors and admins, and the key to check them with. */
@RestController
class CheckpointController {

    static final String PEM = "application/x-pem-file";

    private final Checkpoints checkpoints;

    CheckpointController(Checkpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    @Operation(summary = "Takes a checkpoint now: signs where every country's audit chain ends. 409 if a chain does "
            + "not verify or does not extend the last checkpoint")
    @PostMapping("/api/audit/checkpoints")
    ResponseEntity<Checkpoint> take() {
        return ResponseEntity.created(URI.create("/api/audit/checkpoints/latest"))
                .body(Checkpoint.of(checkpoints.take()));
    }

    @Operation(summary = "The last signed checkpoint: every country's chain length and head hash, when, which key")
    @GetMapping("/api/audit/checkpoints/latest")
    Checkpoint latest() {
        return Checkpoint.of(last());
    }

    @Operation(summary = "The last checkpoint as a receipt to keep: its signed statement, the Ed25519 signature and "
            + "the public key, to check with openssl or any Ed25519 library")
    @GetMapping("/api/audit/checkpoints/latest/receipt")
    ResponseEntity<Receipt> receipt() {
        SignedCheckpoint checkpoint = last();
        CheckpointKey key = checkpoints.key();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("audit-checkpoint-" + checkpoint.number() + ".json").build().toString())
                .contentType(MediaType.APPLICATION_JSON)
                .body(new Receipt(Receipt.FORMAT, checkpoint.text(), CheckpointKey.ALGORITHM, checkpoint.signature(),
                        key.id(), key.publicKeyPem(), Receipt.HOW_TO_VERIFY));
    }

    @Operation(summary = "The public key that verifies the checkpoints: PEM (X.509 SubjectPublicKeyInfo, Ed25519)")
    @GetMapping(value = "/api/audit/checkpoints/public-key", produces = PEM)
    String publicKey() {
        return checkpoints.key().publicKeyPem();
    }

    private SignedCheckpoint last() {
        SignedCheckpoint checkpoint = checkpoints.reference().checkpoint();
        if (checkpoint == null) {
            throw new NotFoundException("no audit checkpoint has been taken yet");
        }
        return checkpoint;
    }

    /** A checkpoint to read: what it states, and the exact text signed with its signature. */
    record Checkpoint(long number, String takenAt, String keyId, List<CheckpointStatement.SignedHead> countries,
            String statement, String signature) {

        static Checkpoint of(SignedCheckpoint signed) {
            CheckpointStatement statement = signed.statement();
            return new Checkpoint(statement.number(), statement.takenAt(), statement.keyId(), statement.countries(),
                    signed.text(), signed.signature());
        }
    }

    /**
     * A checkpoint to keep: whoever holds it can later show what the chains were when it was taken. It holds its own
     * public key for convenience only: check that key against one obtained otherwise (the public-key call, at
     * another time, or as the tracker's operators publish it).
     *
     * @param statement the signed text itself, to be checked byte for byte (UTF-8), not as parsed and written again
     * @param signature Ed25519 over {@code statement}, base64
     */
    record Receipt(String format, String statement, String algorithm, String signature, String keyId,
            String publicKey, List<String> howToVerify) {

        static final String FORMAT = "follow-up-tracker/audit-receipt/1";
        static final List<String> HOW_TO_VERIFY = List.of(
                "jq -j .statement receipt.json > statement.json",
                "jq -r .signature receipt.json | base64 -d > statement.sig",
                "jq -r .publicKey receipt.json > key.pem   # compare with the key obtained otherwise",
                "openssl pkeyutl -verify -pubin -inkey key.pem -rawin -in statement.json -sigfile statement.sig",
                "keyId: openssl pkey -pubin -in key.pem -outform DER | sha256sum | cut -c1-16");
    }
}
