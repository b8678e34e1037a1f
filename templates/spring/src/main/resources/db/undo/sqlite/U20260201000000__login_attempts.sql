-- Undoes V20260201000000__login_attempts.sql (make rollback).
DROP TABLE login_attempts;
