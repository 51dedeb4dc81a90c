#!/usr/bin/env bash
# Submits a small team sheet to the embedded sandbox of $BULKOPS_HOME and waits for it, so
# the smoke screenshots show a dashboard with a finished job. One row names a site the
# organization does not have: the job must end "Completed with errors" (exit code 1).
set -uo pipefail
bin=$1
"$bin" submit --wait testdata/smoke/teams.csv
rc=$?
if [ $rc -ne 1 ]; then echo "smoke-job: expected Completed with errors (exit 1), got exit $rc"; exit 1; fi
"$bin" jobs
