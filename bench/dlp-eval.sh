#!/usr/bin/env bash
# Precision and recall per finding type of the built-in detectors on labelled text.
#   bench/dlp-eval.sh                    our hand-written set (plugins/dlp-builtin/src/test/resources/dlp-labelled.tsv)
#                                        and the generated one (LabelledSet: 200 values made with their check
#                                        digits and 100 decoys per type, fixed seed; written to
#                                        plugins/dlp-builtin/target/dlp-generated.tsv). docs/dlp.md says how it is made.
#   bench/dlp-eval.sh corpus.tsv [...]   other sets in the same format: TYPE<TAB>text with the finding
#                                        marked [[like this]] (NONE: nothing to find; \n for a line break)
# Prints the table; fails when a type is below precision 0.97 or recall 0.95.
set -euo pipefail
cd "$(dirname "$0")/.."
source <(sed -n '/^java_major()/,/^}/p;/^find_jdk()/,/^}/p' renlayer)
JAVA_HOME="$(find_jdk)"; export JAVA_HOME
files=""
for f in "$@"; do files="${files:+$files,}$(realpath "$f")"; done
./mvnw -B -q install -DskipTests -pl plugins/dlp-builtin -am
./mvnw -B -pl plugins/dlp-builtin surefire:test -Dtest=LabelledEvaluationTest -Dsurefire.failIfNoSpecifiedTests=false \
  ${files:+-Ddlp.labelled=$files} | sed -n '/^type /,/^\[/p' | grep -v '^\['
