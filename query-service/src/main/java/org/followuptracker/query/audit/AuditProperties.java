package org.followuptracker.query.audit;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the audit checkpoints ({@code tracker.audit.*}).
 *
 * @param signingKey         the checkpoints' Ed25519 private key, PKCS#8 in base64; when set, the file is not used
 * @param signingKeyFile     where the key is kept otherwise (PEM, PKCS#8), made on first start, readable by its
 *                           owner only
 * @param checkpointInterval how often a checkpoint is taken, if the chains moved since the last one
 */
@ConfigurationProperties("tracker.audit")
record AuditProperties(String signingKey, Path signingKeyFile, Duration checkpointInterval) {
}
