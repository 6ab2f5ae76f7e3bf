package dev.scoreline.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which processes the cluster has and their ports, all derived from one base port so that a
 * second cluster (a test's) can sit beside the first on another base.
 *
 * <pre>
 * kafka-N        client base+10+N, controller base+20+N
 * jobmanager     REST base+31, RPC base+30, blob base+32, metrics base+33
 * taskmanager-N  RPC base+40+N, data base+45+N, metrics base+50+N
 * gateway-N      HTTP base+60+N
 * </pre>
 */
public record Layout(int basePort, int brokers, int taskManagers, int gateways) {

    public static final int DEFAULT_BASE_PORT = 19000;
    /** The span of ports above the base that a layout uses. */
    public static final int SPAN = 70;

    public Layout {
        if (basePort < 1024 || basePort + SPAN > 65535) {
            throw new IllegalArgumentException("the base port must be from 1024 to " + (65535 - SPAN) + ", was " + basePort);
        }
        if (brokers != 3) {
            throw new IllegalArgumentException("the cluster has three brokers (a quorum of three voters), not " + brokers);
        }
        if (taskManagers < 1 || taskManagers > 4 || gateways < 0 || gateways > 9) {
            throw new IllegalArgumentException("1 to 4 task managers and 0 to 9 gateways");
        }
    }

    public static Layout standard(int basePort) {
        return new Layout(basePort, 3, 2, 2);
    }

    public List<Member> members() {
        List<Member> all = new ArrayList<>();
        for (int i = 1; i <= brokers; i++) {
            all.add(new Member(Role.KAFKA.name(i), Role.KAFKA, i, basePort + 10 + i, basePort + 20 + i, 0));
        }
        all.add(new Member(Role.JOBMANAGER.name(1), Role.JOBMANAGER, 1, basePort + 31, basePort + 30, basePort + 33));
        for (int i = 1; i <= taskManagers; i++) {
            all.add(new Member(Role.TASKMANAGER.name(i), Role.TASKMANAGER, i, basePort + 40 + i, basePort + 45 + i,
                    basePort + 50 + i));
        }
        for (int i = 1; i <= gateways; i++) {
            all.add(new Member(Role.GATEWAY.name(i), Role.GATEWAY, i, basePort + 60 + i, 0, 0));
        }
        return all;
    }

    public List<Member> members(Role role) {
        return members().stream().filter(m -> m.role() == role).toList();
    }

    public Member member(String name) {
        return members().stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no process '" + name + "' in this cluster; it has "
                        + members().stream().map(Member::name).collect(Collectors.joining(", "))));
    }

    public int blobPort() {
        return basePort + 32;
    }

    /** {@code 127.0.0.1:P1,127.0.0.1:P2,127.0.0.1:P3}: every broker, for clients. */
    public String bootstrapServers() {
        return members(Role.KAFKA).stream().map(m -> Hosts.LOOPBACK + ":" + m.port()).collect(Collectors.joining(","));
    }

    /** {@code 1@127.0.0.1:C1,...}: the static quorum of the three combined nodes. */
    public String quorumVoters() {
        return members(Role.KAFKA).stream().map(m -> m.index() + "@" + Hosts.LOOPBACK + ":" + m.secondPort())
                .collect(Collectors.joining(","));
    }

    public String restUrl() {
        return "http://" + Hosts.LOOPBACK + ":" + member(Role.JOBMANAGER.name(1)).port();
    }
}
