-- Toolshed's tables. IF NOT EXISTS: running this twice changes nothing.

CREATE TABLE IF NOT EXISTS member (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS tool (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    owner_id INTEGER NOT NULL REFERENCES member (id),
    -- NULL while the tool is in the shed
    borrower_id INTEGER REFERENCES member (id)
);
