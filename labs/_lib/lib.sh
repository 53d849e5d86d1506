# shellcheck shell=bash
# Shared helpers for every lab. Each lab script sources this file; it is not run on its own.
#
#   LAB_DIR   the folder of the script that sourced this file (the lab)
#   WORK_DIR  generated files: certificates, rendered configs, logs (default: $LAB_DIR/build)
#   DRY_RUN=1 print the commands `run` would execute instead of executing them

LIB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
LAB_DIR="$(cd "$(dirname "${BASH_SOURCE[1]}")" && pwd)"
LAB_NAME="$(basename "$LAB_DIR")"
WORK_DIR="${WORK_DIR:-$LAB_DIR/build}"
DRY_RUN="${DRY_RUN:-0}"
export LIB_DIR LAB_DIR LAB_NAME WORK_DIR DRY_RUN

# Messages in the reader's language: LAB_LANG=ko|en, default from LANG.
case "${LAB_LANG:-${LANG:-en}}" in
  ko*) LAB_LANG=ko ;;
  *) LAB_LANG=en ;;
esac

# t KOREAN ENGLISH: print the message in the reader's language.
t() {
  if [[ "$LAB_LANG" == ko ]]; then printf '%s' "$1"; else printf '%s' "$2"; fi
}

say() { printf '==> %s\n' "$*"; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

# run CMD...: print the command, then run it (or only print it under DRY_RUN=1).
run() {
  printf '+'; printf ' %q' "$@"; printf '\n'
  if [[ "$DRY_RUN" == 1 ]]; then return 0; fi
  "$@"
}

# run_log NAME CMD...: like run, and keep the command's output in $WORK_DIR/logs/NAME.log.
run_log() {
  local name="$1"; shift
  printf '+'; printf ' %q' "$@"; printf '   (log: build/logs/%s.log)\n' "$name"
  if [[ "$DRY_RUN" == 1 ]]; then return 0; fi
  mkdir -p "$WORK_DIR/logs"
  "$@" 2>&1 | tee "$WORK_DIR/logs/$name.log"
}

# write_file PATH < content: write stdin to PATH (only announce it under DRY_RUN=1).
write_file() {
  printf '+ write %s\n' "$1"
  if [[ "$DRY_RUN" == 1 ]]; then cat >/dev/null; return 0; fi
  mkdir -p "$(dirname "$1")"
  cat >"$1"
}

# ---------------------------------------------------------------- arguments

# parse_common_args "$@": understands --dry-run and --help; sets DRY_RUN.
parse_common_args() {
  local arg
  for arg in "$@"; do
    case "$arg" in
      --dry-run) DRY_RUN=1 ;;
      -h|--help) usage; exit 0 ;;
      *) ;;
    esac
  done
  export DRY_RUN
}

# ---------------------------------------------------------------- prerequisites

PREREQ_MISSING=0

# need_tool NAME HINT: report whether NAME is on PATH.
need_tool() {
  local name="$1" hint="$2"
  if command -v "$name" >/dev/null 2>&1; then
    printf '  ok       %-10s %s\n' "$name" "$(command -v "$name")"
  else
    printf '  MISSING  %-10s %s\n' "$name" "$hint"
    PREREQ_MISSING=$((PREREQ_MISSING + 1))
  fi
}

# need_version NAME HAVE WANT: HAVE must be >= WANT (dotted numbers).
need_version() {
  local name="$1" have="$2" want="$3"
  if [[ -z "$have" ]]; then
    printf '  MISSING  %-10s %s\n' "$name" "$(t "버전을 알 수 없다 (필요: $want 이상)" "version unknown (need $want or later)")"
    PREREQ_MISSING=$((PREREQ_MISSING + 1))
  elif version_ge "$have" "$want"; then
    printf '  ok       %-10s %s >= %s\n' "$name" "$have" "$want"
  else
    printf '  TOO OLD  %-10s %s < %s\n' "$name" "$have" "$want"
    PREREQ_MISSING=$((PREREQ_MISSING + 1))
  fi
}

# need_docker_daemon: the Docker CLI is installed; does the daemon answer? (`docker info` fails
# when Docker Desktop or dockerd is not running, or the user may not use its socket.)
need_docker_daemon() {
  if docker info >/dev/null 2>&1; then
    printf '  ok       %-10s %s\n' dockerd "$(t '데몬이 응답한다 (docker info)' 'the daemon answers (docker info)')"
  else
    printf '  DOWN     %-10s %s\n' dockerd "$(t 'Docker 데몬에 연결할 수 없다. Docker Desktop이나 dockerd를 시작하고 docker info로 확인하자' 'cannot reach the Docker daemon; start Docker Desktop or dockerd, then check with docker info')"
    PREREQ_MISSING=$((PREREQ_MISSING + 1))
  fi
}

# version_ge A B: true when dotted version A >= B.
version_ge() {
  [[ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" == "$2" ]]
}

# check_openssl: the cert scripts need OpenSSL 1.1.1+ (LibreSSL, macOS's default, lacks options we use).
check_openssl() {
  need_tool openssl "$(t 'OpenSSL 1.1.1 이상이 필요하다 (macOS: brew install openssl@3)' 'install OpenSSL 1.1.1 or later (macOS: brew install openssl@3)')"
  if command -v openssl >/dev/null 2>&1; then
    local v
    v="$(openssl version 2>/dev/null || true)"
    if [[ "$v" == LibreSSL* ]]; then
      printf '  WRONG    %-10s %s\n' openssl "$(t "지금 버전은 $v. OpenSSL 1.1.1 이상을 PATH 앞쪽에 두자" "$v found; put OpenSSL first on PATH")"
      PREREQ_MISSING=$((PREREQ_MISSING + 1))
    else
      need_version openssl "$(awk '{print $2}' <<<"$v" | tr -dc '0-9.')" 1.1.1
    fi
  fi
}

# check_files FILE...: every file the lab needs is present (catches a broken download). Paths are
# relative to the lab folder (shared files: ../_lib/...).
check_files() {
  local f bad=0
  for f in "$@"; do
    if [[ ! -f "$LAB_DIR/$f" ]]; then
      printf '  MISSING  file       %s\n' "$f"
      bad=1
    fi
  done
  if [[ "$bad" == 1 ]]; then
    die "$(t '실습 파일이 빠졌다. 압축 파일을 다시 풀자.' 'lab files are missing; unpack the archive again.')"
  fi
  printf '  ok       %-10s %s\n' files "$(t "필요한 파일 ${#}개 확인" "all $# lab files present")"
}

# finish_prereq: exit non-zero when something is missing (a dry run only reports it).
finish_prereq() {
  if [[ "$PREREQ_MISSING" -gt 0 ]]; then
    if [[ "$DRY_RUN" == 1 ]]; then
      printf '\n%s\n' "$(t "준비되지 않은 항목 ${PREREQ_MISSING}개. 드라이 런이라 실행할 명령만 보여 준다." "$PREREQ_MISSING prerequisite(s) not met; dry run, so only the plan is shown.")"
      return 0
    fi
    die "$(t "준비되지 않은 항목 ${PREREQ_MISSING}개(없음, 오래된 버전, 데몬 꺼짐). 위 목록을 보자." "$PREREQ_MISSING prerequisite(s) not met (missing, too old or not running); see the list above.")"
  fi
  printf '\n%s\n' "$(t '준비 완료.' 'All prerequisites met.')"
}

# prereq_main CHECK_TOOLS [ARGS...]: the whole of every lab's prereq.sh. CHECK_TOOLS is the tool
# check of the lab's kind (prereq_kind in kind.sh, prereq_compose in compose.sh); then the lab's
# own files (LAB_FILES, from its common.sh), the verdict, and under --dry-run setup.sh's plan.
prereq_main() {
  local check_tools="$1"; shift
  usage() { echo "usage: ./prereq.sh [--dry-run]"; }
  parse_common_args "$@"

  say "$(t '필요한 도구' 'prerequisites')"
  "$check_tools"
  check_files "${LAB_FILES[@]}"
  finish_prereq
  if [[ "$DRY_RUN" == 1 ]]; then
    say "$(t 'setup.sh가 실행할 명령' 'what setup.sh would run')"
    "$LAB_DIR/setup.sh" --dry-run
  fi
}

# ---------------------------------------------------------------- verification

PASSES=0
FAILS=0

pass() { PASSES=$((PASSES + 1)); printf 'PASS  %s\n      evidence: %s\n' "$1" "$2"; }
fail() { FAILS=$((FAILS + 1)); printf 'FAIL  %s\n      evidence: %s\n' "$1" "$2"; }

# expect_contains CLAIM TEXT NEEDLE: PASS when TEXT contains NEEDLE.
expect_contains() {
  local claim="$1" text="$2" needle="$3"
  if [[ "$text" == *"$needle"* ]]; then
    pass "$claim" "found '$needle' in: $(one_line "$text")"
  else
    fail "$claim" "expected '$needle' in: $(one_line "$text")"
  fi
}

# expect_not_contains CLAIM TEXT NEEDLE: PASS when TEXT does not contain NEEDLE.
expect_not_contains() {
  local claim="$1" text="$2" needle="$3"
  if [[ "$text" != *"$needle"* ]]; then
    pass "$claim" "no '$needle' in: $(one_line "$text")"
  else
    fail "$claim" "unexpected '$needle' in: $(one_line "$text")"
  fi
}

# responds_with CLAIM STATUS NEEDLE CURL_ARGS...: an HTTP call answers STATUS with NEEDLE in the body.
responds_with() {
  local claim="$1" want_status="$2" needle="$3"; shift 3
  local out rc=0 status body
  out="$(curl -sS --max-time 10 -w '\n%{http_code}' "$@" 2>&1)" || rc=$?
  status="${out##*$'\n'}"
  body="${out%$'\n'*}"
  if [[ "$rc" -ne 0 ]]; then
    fail "$claim" "curl exit $rc: $(one_line "$out")"
  elif [[ "$status" == "$want_status" && "$body" == *"$needle"* ]]; then
    pass "$claim" "HTTP $status, body: $(one_line "$body")"
  else
    fail "$claim" "wanted HTTP $want_status with '$needle'; got HTTP $status, body: $(one_line "$body")"
  fi
}

# fails_with CLAIM NEEDLE CMD...: CMD exits non-zero and its output contains NEEDLE.
fails_with() {
  local claim="$1" needle="$2"; shift 2
  local out rc=0
  out="$("$@" 2>&1)" || rc=$?
  if [[ "$rc" -ne 0 && "$out" == *"$needle"* ]]; then
    pass "$claim" "exit $rc, output: $(one_line "$out")"
  else
    fail "$claim" "wanted a failure with '$needle'; exit $rc, output: $(one_line "$out")"
  fi
}

# finish_verify: summary line; non-zero exit on any FAIL.
finish_verify() {
  printf '\n%d PASS, %d FAIL\n' "$PASSES" "$FAILS"
  [[ "$FAILS" -eq 0 ]]
}

one_line() { tr '\n\r' '  ' <<<"$1" | cut -c1-300; }

# ---------------------------------------------------------------- links to the site

SITE_URL="${SITE_URL:-https://mesh-tls.example.org}"

# urlencode TEXT: percent-encode everything but unreserved characters (as encodeURIComponent,
# which also keeps ! ' ( ) *).
urlencode() {
  local LC_ALL=C s="$1" out="" c i
  for ((i = 0; i < ${#s}; i++)); do
    c="${s:i:1}"
    case "$c" in
      [a-zA-Z0-9.~_!\'\(\)*-]) out+="$c" ;;
      *) out+="$(printf '%%%02X' "'$c")" ;;
    esac
  done
  printf '%s' "$out"
}

# decoder_link LINE [LANG]: the decoder page with LINE pre-filled.
decoder_link() {
  local prefix=""
  [[ "${2:-$LAB_LANG}" == en ]] && prefix="/en"
  printf '%s%s/tools/decoder/#q=%s' "$SITE_URL" "$prefix" "$(urlencode "$1")"
}

# error_link ID [LANG]: the error reference page.
error_link() {
  local prefix=""
  [[ "${2:-$LAB_LANG}" == en ]] && prefix="/en"
  printf '%s%s/errors/%s/' "$SITE_URL" "$prefix" "$1"
}

# ---------------------------------------------------------------- cleanup

# on_exit CMD: run CMD when the script exits, whatever the reason (stacked, last first).
_EXIT_CMDS=()
on_exit() {
  _EXIT_CMDS=("$1" "${_EXIT_CMDS[@]}")
  trap _run_exit_cmds EXIT
}
_run_exit_cmds() {
  local c
  for c in "${_EXIT_CMDS[@]}"; do eval "$c" || true; done
}
