#!/bin/sh
# Makes the certificate nginx serves in compose.yaml (deploy/nginx/default.conf), and the
# Kubernetes Ingress too (README.md, "Run it on Kubernetes"): a self-signed certificate for
# localhost, {{ project_name }}.localhost and 127.0.0.1, valid for 825 days, in
# deploy/nginx/certs/. Browsers warn about it, as they should for a certificate that no
# authority vouches for; `curl --cacert deploy/nginx/certs/localhost.crt` trusts it.
# A real server gets its certificate from an authority such as Let's Encrypt instead.
set -eu

certs="$(dirname "$0")/certs"
if [ -f "$certs/localhost.crt" ] && [ -f "$certs/localhost.key" ]; then
    echo "deploy/nginx/certs/ already has a certificate; delete it to make a new one."
    exit 0
fi
command -v openssl >/dev/null || { echo "make-certificate.sh needs openssl (apt install openssl)." >&2; exit 1; }
mkdir -p "$certs"
# The folder ignores itself: a private key must never be committed.
echo "*" > "$certs/.gitignore"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 825 \
    -subj "/CN=localhost" \
    -addext "subjectAltName=DNS:localhost,DNS:{{ project_name }}.localhost,IP:127.0.0.1" \
    -keyout "$certs/localhost.key" -out "$certs/localhost.crt" 2>/dev/null
chmod 600 "$certs/localhost.key"
echo "Made deploy/nginx/certs/localhost.crt (and its key), for localhost, {{ project_name }}.localhost and 127.0.0.1."
