{#- The failed-login limits' table in SQLite, included by the migration of each
    framework that writes its schema in SQL (Go, Spring Boot). -#}
CREATE TABLE login_attempts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    -- "<e-mail>|<client address>": the per-account-and-client limit counts these.
    account TEXT NOT NULL,
    -- The client address alone: the looser per-address limit counts these.
    client TEXT NOT NULL,
    -- Milliseconds since 1970 (UTC): old attempts are deleted by this column.
    attempted_at INTEGER NOT NULL
);
CREATE INDEX login_attempts_account_idx ON login_attempts (account, attempted_at);
CREATE INDEX login_attempts_client_idx ON login_attempts (client, attempted_at);
CREATE INDEX login_attempts_attempted_at_idx ON login_attempts (attempted_at);
