#!/usr/bin/env bash
# Fuzzes the untrusted-input entry points with cargo-fuzz (libFuzzer), each target for a set
# time, and turns every finding into a regression fixture.
#
#   scripts/fuzz.sh [seconds-per-target]        (default 60; `make fuzz` runs it)
#
# Environment: FUZZ_TARGETS="csv_reader layout_svg" runs only those; FUZZ_SANITIZER=address
# builds with AddressSanitizer (default none: the crate is `forbid(unsafe_code)`, and without a
# sanitizer the targets run several times faster on this 2-core machine); FUZZ_JOBS=N runs N
# libFuzzer jobs per target (default 1, one process).
#
# Targets (fuzz/fuzz_targets/, what each asserts is in fuzz/src/checks.rs): dataset_json,
# csv_reader, json_rows, spec_validator, layout_svg. Each starts from tests/fixtures/fuzz/<target>/
# (hand-made seeds and earlier findings), the examples in www/data/, and its working corpus in
# fuzz/corpus/<target>/ (kept between runs, git-ignored).
#
# On a finding (crash, out-of-memory, timeout) the input is replayed once to get its text form
# and saved as tests/fixtures/fuzz/<target>/crash-<sha1> (oom-, timeout-), which
# tests/fuzz_regressions.rs replays in `cargo test`; the script exits 1 after all targets ran.
# Logs: fuzz/logs/<target>.log. Needs the nightly toolchain; installs cargo-fuzz if missing.
set -euo pipefail
cd "$(dirname "$0")/.."

secs="${1:-60}"
[[ "$secs" =~ ^[0-9]+$ ]] || { echo "usage: scripts/fuzz.sh [seconds-per-target]" >&2; exit 2; }
read -r -a targets <<< "${FUZZ_TARGETS:-dataset_json csv_reader json_rows spec_validator layout_svg}"
sanitizer="${FUZZ_SANITIZER:-none}"
jobs="${FUZZ_JOBS:-1}"

if ! rustup run nightly rustc --version >/dev/null 2>&1; then
    echo "fuzz: needs the nightly toolchain (rustup toolchain install nightly)" >&2
    exit 2
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
    echo "== installing cargo-fuzz =="
    cargo install cargo-fuzz --locked
fi

echo "== building fuzz targets (sanitizer: $sanitizer) =="
build_start=$(date +%s)
# `cargo fuzz build` takes one target, or none for all of them.
one=()
[[ ${#targets[@]} -eq 1 ]] && one=("${targets[0]}")
cargo +nightly fuzz build -s "$sanitizer" "${one[@]}"
echo "   built in $(( $(date +%s) - build_start )) s"
triple="$(rustc +nightly -vV | sed -n 's/^host: //p')"
bin_dir="fuzz/target/$triple/release"

# Seeds from www/data into each working corpus (names by content, so re-running adds nothing).
seed() { # target file-or-text [--text]
    local dir="fuzz/corpus/$1" sum
    mkdir -p "$dir"
    if [[ "${3:-}" == --text ]]; then sum=$(printf '%s' "$2" | sha1sum | cut -c1-40); printf '%s' "$2" > "$dir/www-$sum"
    else sum=$(sha1sum < "$2" | cut -c1-40); cp "$2" "$dir/www-$sum"; fi
}
for f in www/data/*.json; do seed dataset_json "$f"; done
for f in www/data/examples/*.csv; do seed csv_reader "$f"; done
for f in www/data/examples/*.json; do [[ "$f" == *.spec.json ]] || seed json_rows "$f"; done
for spec in www/data/examples/*.spec.json; do
    stem="${spec%.spec.json}"
    for data in "$stem.csv" "$stem.json"; do
        [[ -f "$data" ]] || continue
        mkdir -p fuzz/corpus/spec_validator
        { cat "$spec"; printf '\0'; cat "$data"; } > fuzz/corpus/spec_validator/www-"$(basename "$stem")"
        if [[ "$data" == *.csv ]]; then
            seed layout_svg "$(printf 'width=640 lang=en theme=light\n%s\n%s' \
                "$(tr -d '\n' < "$spec")" "$(cat "$data")")" --text
        fi
    done
done

mkdir -p fuzz/logs
failed=0
summary=()
for t in "${targets[@]}"; do
    fixtures="tests/fixtures/fuzz/$t"
    artifacts="fuzz/artifacts/$t"
    mkdir -p "fuzz/corpus/$t" "$fixtures" "$artifacts"
    before="$(ls "$artifacts")"
    dict=()
    [[ -f "fuzz/dicts/$t.dict" ]] && dict=("-dict=fuzz/dicts/$t.dict")
    par=()
    [[ "$jobs" -gt 1 ]] && par=("-jobs=$jobs" "-workers=$jobs")
    echo "== fuzzing $t for $secs s =="
    start=$(date +%s)
    set +e
    cargo +nightly fuzz run -s "$sanitizer" "$t" "fuzz/corpus/$t" "$fixtures" -- \
        -max_total_time="$secs" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
        "${dict[@]}" "${par[@]}" > "fuzz/logs/$t.log" 2>&1
    rc=$?
    set -e
    took=$(( $(date +%s) - start ))
    last="$(grep -E '^#[0-9]+' "fuzz/logs/$t.log" | tail -n 1 || true)"
    runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "fuzz/logs/$t.log" | tail -n 1)"
    eps="$(sed -n 's/^stat::average_exec_per_sec: *//p' "fuzz/logs/$t.log" | tail -n 1)"
    cov="$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<< "$last")"
    ft="$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<< "$last")"
    corp="$(sed -n 's/.* corp: \([0-9]*\/[0-9a-zA-Z]*\).*/\1/p' <<< "$last")"
    result="ok"
    new="$(comm -13 <(sort <<< "$before") <(ls "$artifacts" | sort) | grep -E '^(crash|oom|timeout|leak)-' || true)"
    if [[ -n "$new" || $rc -ne 0 ]]; then
        result="FOUND"
        failed=1
        [[ -n "$new" ]] || echo "   $t exited with $rc and left no artifact; see fuzz/logs/$t.log"
        for a in $new; do
            kind="${a%%-*}"
            tmp="$(mktemp)"
            # Replay once: the harness writes the input's text form (structured inputs turned into
            # a dataset or a chart case) to NI_FUZZ_CASE_OUT, and the panic message to stderr.
            NI_FUZZ_CASE_OUT="$tmp" timeout 60 "$bin_dir/$t" -rss_limit_mb=2048 "$artifacts/$a" \
                > "$tmp.replay" 2>&1 || true
            [[ -s "$tmp" ]] || cp "$artifacts/$a" "$tmp"
            name="$kind-$(sha1sum < "$tmp" | cut -c1-40)"
            cp "$tmp" "$fixtures/$name"
            echo "   $t: $kind saved as $fixtures/$name"
            grep -A2 -m1 'panicked at' "$tmp.replay" | sed 's/^/     /' || true
            echo "     reproduce: cargo test --test fuzz_regressions -- --nocapture   (or: cargo +nightly fuzz run -s $sanitizer $t $fixtures/$name)"
            rm -f "$tmp" "$tmp.replay"
        done
    fi
    summary+=("$(printf '%-15s %6ss %10s runs %8s exec/s  cov %-6s ft %-6s corpus %-10s %s' \
        "$t" "$took" "${runs:-?}" "${eps:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "$result")")
done

echo "== summary ($secs s per target; logs in fuzz/logs/) =="
printf '%s\n' "${summary[@]}"
if [[ $failed -ne 0 ]]; then
    echo "fuzz: findings saved under tests/fixtures/fuzz/; run 'cargo test --test fuzz_regressions' to replay them" >&2
    exit 1
fi
