#!/usr/bin/env bash
# Prints a personal API token of the dev-mode demo account officer@demo.ocop.vn (a national OCOP officer without a
# second factor), made through the portal's own pages as a person would: sign in, then "Create a token" on
# /admin/account. For benchmarks run against a portal with demo data.
#
#   TOKEN=$(bench/staff-token.sh http://127.0.0.1:8091)
set -euo pipefail
BASE=${1:?the portal base URL}
jar=$(mktemp)
trap 'rm -f "$jar"' EXIT
value() { grep -o "name=\"$1\" value=\"[^\"]*\"" | head -1 | sed 's/.*value="//; s/"$//'; }
form=$(curl -fs -c "$jar" -b "$jar" "$BASE/login" | value _form)
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "_form=$form" --data-urlencode "email=officer@demo.ocop.vn" \
  --data-urlencode "password=ocop demo passphrase" "$BASE/login"
csrf=$(curl -fs -c "$jar" -b "$jar" "$BASE/admin/account" | value _csrf)
token=$(curl -s -c "$jar" -b "$jar" --data-urlencode "_csrf=$csrf" -d "name=benchmark&days=1" "$BASE/admin/account/tokens" \
  | grep -o 'ocop_pat_[A-Za-z0-9_-]*' | head -1)
[ -n "$token" ] || { echo "could not make a token as officer@demo.ocop.vn" >&2; exit 1; }
echo "$token"
