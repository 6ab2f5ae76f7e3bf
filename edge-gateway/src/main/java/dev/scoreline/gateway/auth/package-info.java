/**
 * Who may read which channel: the HMAC-SHA256 tokens that open table channels ({@link
 * dev.scoreline.gateway.auth.TokenVerifier}, {@link dev.scoreline.gateway.auth.Tokens}), where a
 * request carries one ({@link dev.scoreline.gateway.auth.BearerToken}), and the decision for a
 * channel ({@link dev.scoreline.gateway.auth.Access}): {@code match:} channels and {@code scores}
 * are public, a table needs a token naming it, a seat and a wallet ({@code player:}) a token naming
 * their player. A player's cards and chips reach no one else because of this package, so every
 * transport asks it and none decides alone. The game backend's tokens, which move chips, are
 * another secret's ({@link dev.scoreline.gateway.auth.ServerTokenVerifier}).
 *
 * <p>It depends on the JWT library and the channel names of {@code schemas} only: no transport and
 * no channel state, so its decisions are the same over WebSocket, Server-Sent Events and HTTP.
 */
package dev.scoreline.gateway.auth;
