#!/bin/sh
# Writes the shell completions in completions/ from the Cobra command tree.
# Run by `go generate ./cmd/crmkit` and by goreleaser before a release; a
# test in cmd/crmkit fails when the committed files are out of date.
set -eu
cd "$(dirname "$0")/.."
mkdir -p completions
go build -o completions/.crmkit ./cmd/crmkit
for sh in bash zsh fish powershell; do
  case $sh in
    powershell) out=completions/crmkit.ps1 ;;
    *) out=completions/crmkit.$sh ;;
  esac
  completions/.crmkit completion "$sh" >"$out"
done
rm -f completions/.crmkit
