-- Two or more application nodes on one database (docs/operations.md, "Two nodes").

-- Spring Session JDBC: a person's session lives in the database, so the next request may land on either node.
-- Spring Session's own schema (schema-mysql.sql / schema-h2.sql of spring-session-jdbc 3.5), written once for
-- both databases: BLOB holds an attribute of up to 64 KB on MySQL (the largest, Camunda's webapp authentication
-- and Spring's security context, take about 1 KB).
CREATE TABLE SPRING_SESSION (
    PRIMARY_ID            CHAR(36)      NOT NULL,
    SESSION_ID            CHAR(36)      NOT NULL,
    CREATION_TIME         BIGINT        NOT NULL,
    LAST_ACCESS_TIME      BIGINT        NOT NULL,
    MAX_INACTIVE_INTERVAL INT           NOT NULL,
    EXPIRY_TIME           BIGINT        NOT NULL,
    PRINCIPAL_NAME        VARCHAR(100),
    PRIMARY KEY (PRIMARY_ID)
);
CREATE UNIQUE INDEX SPRING_SESSION_IX1 ON SPRING_SESSION (SESSION_ID);
CREATE INDEX SPRING_SESSION_IX2 ON SPRING_SESSION (EXPIRY_TIME);
CREATE INDEX SPRING_SESSION_IX3 ON SPRING_SESSION (PRINCIPAL_NAME);

CREATE TABLE SPRING_SESSION_ATTRIBUTES (
    SESSION_PRIMARY_ID    CHAR(36)      NOT NULL,
    ATTRIBUTE_NAME        VARCHAR(200)  NOT NULL,
    ATTRIBUTE_BYTES       BLOB          NOT NULL,
    PRIMARY KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME),
    CONSTRAINT SPRING_SESSION_ATTRIBUTES_FK FOREIGN KEY (SESSION_PRIMARY_ID) REFERENCES SPRING_SESSION (PRIMARY_ID) ON DELETE CASCADE
);

-- The start-up set-up (groups, authorizations, filters, the first administrator, demo data) runs on one node at a
-- time: each node holds this row's lock while it sets up (org.twinflow.system.startup.StartUpLock), so nodes that
-- start together do not both find "nothing there yet" and create it twice.
CREATE TABLE start_up_lock (
    name                  VARCHAR(32)   NOT NULL PRIMARY KEY
);
INSERT INTO start_up_lock (name) VALUES ('set-up');
