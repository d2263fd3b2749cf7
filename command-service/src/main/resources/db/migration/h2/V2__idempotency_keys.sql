-- Requests retried with the same Idempotency-Key get the first answer again and record nothing more.
CREATE TABLE idempotency_key (
    actor         VARCHAR(200) NOT NULL,
    idem_key      VARCHAR(200) NOT NULL,
    request_hash  CHAR(64)     NOT NULL,
    status        INTEGER,
    content_type  VARCHAR(200),
    response_body CLOB,
    created_at    TIMESTAMP    NOT NULL,
    PRIMARY KEY (actor, idem_key)
);
