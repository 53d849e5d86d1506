# shellcheck shell=bash
# The one place that pins the images and tool versions of every lab. The lab pages state the
# same versions (a test checks that they agree). Override any of them from the environment.

# Envoy release image (Docker Hub envoyproxy/envoy; v1.39.6 released 2026-10-26).
ENVOY_IMAGE="${ENVOY_IMAGE:-envoyproxy/envoy:v1.39.6}"
# nginx plays the backends and the partner server.
NGINX_IMAGE="${NGINX_IMAGE:-nginx:1.28-alpine}"
# The in-cluster client for the kind labs.
CURL_IMAGE="${CURL_IMAGE:-curlimages/curl:8.11.1}"
# Istio 1.30.x (1.30 supports Kubernetes 1.32 to 1.36).
ISTIO_VERSION="${ISTIO_VERSION:-1.30.5}"
# kind v0.33.0 and the node image built for it (pin the digest, as the kind release notes ask).
KIND_MIN_VERSION="${KIND_MIN_VERSION:-0.33.0}"
KIND_NODE_IMAGE="${KIND_NODE_IMAGE:-kindest/node:v1.35.8@sha256:07b2536e30b803ed61d1677a79df6115f798ce64c80f9e22f6ed45afd09323c0}"
# Docker Compose v2 (the `docker compose` plugin).
COMPOSE_MIN_VERSION="${COMPOSE_MIN_VERSION:-2.20.0}"

export ENVOY_IMAGE NGINX_IMAGE CURL_IMAGE ISTIO_VERSION KIND_NODE_IMAGE
