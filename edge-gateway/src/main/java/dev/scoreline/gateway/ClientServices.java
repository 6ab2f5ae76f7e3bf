package dev.scoreline.gateway;

import dev.scoreline.gateway.act.Moves;
import dev.scoreline.gateway.auth.TokenVerifier;
import dev.scoreline.gateway.fanout.AutoSubscriptions;
import dev.scoreline.gateway.fanout.ConnectionRegistry;
import dev.scoreline.gateway.fanout.FanoutLimits;
import dev.scoreline.gateway.fanout.Hubs;
import dev.scoreline.gateway.feed.PrivateShards;
import dev.scoreline.gateway.metrics.GatewayMetrics;
import java.time.Clock;

/**
 * What every client transport of one gateway works with: one instance, shared by WebSocket and
 * SSE, with the one {@link FanoutLimits} every connection holds.
 */
public record ClientServices(
        GatewayConfig config,
        Hubs hubs,
        TokenVerifier verifier,
        ConnectionRegistry registry,
        GatewayMetrics metrics,
        Clock clock,
        AutoSubscriptions autoSubscriptions,
        Moves moves,
        PrivateShards shards,
        FanoutLimits fanoutLimits) {}
