# shellcheck shell=bash
# Helpers for the Docker Compose + Envoy labs (1-5). Source lib.sh first.
# shellcheck source=versions.sh
source "$LIB_DIR/versions.sh"

# Compose project name; override to run two copies side by side.
PROJECT="${PROJECT:-meshtls-$LAB_NAME}"
export PROJECT

compose() {
  run docker compose -p "$PROJECT" -f "$LAB_DIR/compose.yaml" "$@"
}

# compose_cli ARGS...: what each lab's ./compose.sh runs, docker compose for this lab with what
# compose.yaml needs already set (pinned images, certificate folder, ports, project name).
compose_cli() {
  if [[ $# -eq 0 || "$1" == -h || "$1" == --help ]]; then
    echo "usage: ./compose.sh COMMAND [ARGS...]   (docker compose -p $PROJECT -f compose.yaml COMMAND ...)"
    [[ $# -eq 0 ]] && exit 2
    exit 0
  fi
  exec docker compose -p "$PROJECT" -f "$LAB_DIR/compose.yaml" "$@"
}

# prereq_compose: Docker with the Compose v2 plugin, curl and OpenSSL.
prereq_compose() {
  need_tool docker "$(t 'Docker Engine 또는 Docker Desktop을 설치하자: https://docs.docker.com/get-docker/' 'install Docker Engine or Docker Desktop: https://docs.docker.com/get-docker/')"
  if command -v docker >/dev/null 2>&1; then
    need_docker_daemon
    need_version "compose" "$(docker compose version --short 2>/dev/null | tr -d 'v' || true)" "$COMPOSE_MIN_VERSION"
  fi
  need_tool curl "$(t 'curl을 설치하자' 'install curl')"
  check_openssl
}

# compose_up: start the lab's containers. When setup made new certificates (first run, or a
# renewal), recreate them: Envoy and nginx read certificate files only when they start.
compose_up() {
  if [[ "$CERTS_CHANGED" == 1 ]]; then
    compose up -d --wait --force-recreate
  else
    compose up -d --wait
  fi
}

# wait_ready URL [SECONDS]: poll until URL answers 200 (Envoy's admin /ready).
wait_ready() {
  local url="$1" limit="${2:-60}" i
  printf '+ wait for %s\n' "$url"
  [[ "$DRY_RUN" == 1 ]] && return 0
  for ((i = 0; i < limit; i++)); do
    if curl -fsS --max-time 2 "$url" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  die "$(t "${limit}초 안에 응답이 없다: $url. 'docker compose -p $PROJECT logs'로 로그를 보자." "$url not ready after ${limit}s; see 'docker compose -p $PROJECT logs'.")"
}

# compose_teardown: stop and remove containers and networks, then the generated files.
compose_teardown() {
  if command -v docker >/dev/null 2>&1; then
    compose down --remove-orphans --volumes || true
  fi
  run rm -rf "$WORK_DIR"
}

# envoy_log SERVICE: the access log lines Envoy printed so far.
envoy_log() {
  docker compose -p "$PROJECT" -f "$LAB_DIR/compose.yaml" logs --no-log-prefix --no-color "$1" 2>/dev/null
}
