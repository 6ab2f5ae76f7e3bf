/**
 * The gateway's HTTP surface ({@link dev.scoreline.gateway.http.Routes}): {@code /ws},
 * {@code /sse}, the channel API ({@code /v1/channels}), the game backend's credits and debits
 * ({@code /v1/wallets}, with a token of the server secret alone), {@code /healthz},
 * {@code /metrics}, the dev-mode token issuer and the static page and client. docs/protocol.md
 * describes each.
 *
 * <p>Undertow handlers that read channels, access and metrics through the other packages and keep
 * no state of their own. The dev token issuer is routed only in dev mode without a configured
 * secret: a gateway with a real secret never hands out tokens.
 */
package dev.scoreline.gateway.http;
