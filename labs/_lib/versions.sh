# shellcheck shell=bash
# The one place that pins the images and tool versions of every lab. The lab pages state the
# same versions (a test checks that they agree). The images can be overridden from the
# environment; the versions below them are requirements the prerequisite checks use, not settings.

# Envoy release image (Docker Hub envoyproxy/envoy; v1.39.6 released 2026-10-26).
ENVOY_IMAGE="${ENVOY_IMAGE:-envoyproxy/envoy:v1.39.6}"
# nginx plays the backends and the partner server. The kind manifests name the default; kind.sh
# puts your NGINX_IMAGE in its place when it applies them.
NGINX_IMAGE_DEFAULT=nginx:1.28-alpine
NGINX_IMAGE="${NGINX_IMAGE:-$NGINX_IMAGE_DEFAULT}"
# The in-cluster client for the kind labs. _lib/k8s/client.yaml names this default; kind.sh puts
# your CURL_IMAGE in its place when it applies the file.
CURL_IMAGE_DEFAULT=curlimages/curl:8.11.1
CURL_IMAGE="${CURL_IMAGE:-$CURL_IMAGE_DEFAULT}"
# kind node image built for kind v0.33.0 (pin the digest, as the kind release notes ask).
KIND_NODE_IMAGE="${KIND_NODE_IMAGE:-kindest/node:v1.35.8@sha256:07b2536e30b803ed61d1677a79df6115f798ce64c80f9e22f6ed45afd09323c0}"

# Requirements (not overridable): istioctl installs its own Istio version, so the labs ask for
# istioctl 1.30.x and state the patch release they were written for. (Read by kind.sh, compose.sh.)
# shellcheck disable=SC2034
ISTIO_VERSION=1.30.5              # Istio 1.30.x (1.30 supports Kubernetes 1.32 to 1.36)
# shellcheck disable=SC2034
KIND_MIN_VERSION=0.33.0
# Gateway API CRDs, standard channel (the ambient lab). v1.5 puts TLSRoute v1 in the standard
# channel, and Istio 1.30 is built against v1.5.1 (its go.mod).
# shellcheck disable=SC2034
GATEWAY_API_VERSION=v1.5.1
# shellcheck disable=SC2034
GATEWAY_API_CRDS_URL="https://github.com/kubernetes-sigs/gateway-api/releases/download/$GATEWAY_API_VERSION/standard-install.yaml"
# shellcheck disable=SC2034
COMPOSE_MIN_VERSION=2.20.0        # Docker Compose v2 (the `docker compose` plugin)

export ENVOY_IMAGE NGINX_IMAGE CURL_IMAGE KIND_NODE_IMAGE
