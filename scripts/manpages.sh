#!/bin/sh
# Writes the man pages in man/ from the Cobra command tree. Run by
# `go generate ./cmd/crmkit` and by goreleaser before a release; a test in
# cmd/crmkit fails when the committed pages are out of date.
set -eu
cd "$(dirname "$0")/.."
go run ./scripts/manpages man
