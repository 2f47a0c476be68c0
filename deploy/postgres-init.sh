#!/bin/sh
# Runs once, on an empty data directory: the application's own role (docs/audit-chain.md).
# POSTGRES_USER (qonys_owner) owns the schema and runs the migrations; qonys_app is what
# the API connects as, and the owner grants it DML but no UPDATE/DELETE on the audit log.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v app_password="$QONYS_APP_PASSWORD" <<'SQL'
CREATE ROLE qonys_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'app_password';
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SQL
