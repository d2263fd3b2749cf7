-- Axon's JDBC event store, as Axon's PostgresEventTableFactory and PostgresTokenTableFactory would create it:
-- payloads in bytea (not large objects), and a BIGSERIAL global index that only skips a number when a
-- transaction rolls back.
CREATE TABLE domainevententry (
    globalindex         BIGSERIAL    NOT NULL,
    aggregateidentifier VARCHAR(255) NOT NULL,
    sequencenumber      BIGINT       NOT NULL,
    type                VARCHAR(255),
    eventidentifier     VARCHAR(255) NOT NULL,
    metadata            BYTEA,
    payload             BYTEA        NOT NULL,
    payloadrevision     VARCHAR(255),
    payloadtype         VARCHAR(255) NOT NULL,
    timestamp           VARCHAR(255) NOT NULL,
    PRIMARY KEY (globalindex),
    UNIQUE (aggregateidentifier, sequencenumber),
    UNIQUE (eventidentifier)
);

CREATE TABLE snapshotevententry (
    aggregateidentifier VARCHAR(255) NOT NULL,
    sequencenumber      BIGINT       NOT NULL,
    type                VARCHAR(255) NOT NULL,
    eventidentifier     VARCHAR(255) NOT NULL,
    metadata            BYTEA,
    payload             BYTEA        NOT NULL,
    payloadrevision     VARCHAR(255),
    payloadtype         VARCHAR(255) NOT NULL,
    timestamp           VARCHAR(255) NOT NULL,
    PRIMARY KEY (aggregateidentifier, sequencenumber),
    UNIQUE (eventidentifier)
);

CREATE TABLE tokenentry (
    processorname VARCHAR(255) NOT NULL,
    segment       INTEGER      NOT NULL,
    token         BYTEA,
    tokentype     VARCHAR(255),
    timestamp     VARCHAR(255),
    owner         VARCHAR(255),
    PRIMARY KEY (processorname, segment)
);

-- Set-based checks that one aggregate cannot make alone, kept in the same transaction as the events:
-- which recommendations exist and in which country, and which letter references a sender has used.
CREATE TABLE recommendation_directory (
    recommendation_id VARCHAR(64) NOT NULL PRIMARY KEY,
    country           CHAR(3)     NOT NULL
);

CREATE TABLE letter_reference (
    sender    VARCHAR(300) NOT NULL,
    reference VARCHAR(200) NOT NULL,
    letter_id VARCHAR(64)  NOT NULL,
    PRIMARY KEY (sender, reference)
);
