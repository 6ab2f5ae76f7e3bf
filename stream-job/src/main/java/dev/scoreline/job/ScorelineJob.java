package dev.scoreline.job;

import dev.scoreline.cli.Parsed;
import dev.scoreline.event.EntityEvent;
import dev.scoreline.job.serde.JsonTypeInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * The Scoreline job: per entity kind, Kafka events → decode (dead letters aside) → keyBy(entity
 * id) → {@link EntityStateFunction} → one Kafka sink for deltas, snapshots, change log and dead
 * letters. {@link #define} takes its sources and sink as arguments, so tests and the local mode
 * wire the same graph.
 *
 * <p>Operator uids are {@code <kind>-source}, {@code <kind>-decode}, {@code <kind>-state} and
 * {@code kafka-sink}: they name the state in savepoints, so they never change.
 */
public final class ScorelineJob {

    /** Events may arrive this much out of event-time order before a deadline is judged passed. */
    static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(2);

    /** A partition without events stops holding back the watermark (and the tables' time-outs) after this. */
    static final Duration IDLE_PARTITION = Duration.ofSeconds(5);

    /**
     * How long a record may wait in a network buffer between two tasks that is not full. Flink's
     * default, 100 ms, is paid at each of the job's two exchanges (into the keyed state, into the
     * sink) on top of the batch interval whenever the rate is too low to fill buffers: a live match
     * is exactly that.
     */
    static final Duration BUFFER_TIMEOUT = Duration.ofMillis(5);

    private ScorelineJob() {}

    public static void main(String[] args) throws Exception {
        Parsed parsed = JobOptions.OPTIONS.parse(args);
        if (parsed.helpRequested()) {
            System.out.println(JobOptions.OPTIONS.help());
            return;
        }
        JobOptions options = JobOptions.of(parsed);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(options.flinkConfiguration());
        defineWithKafka(env, options);
        env.execute("scoreline");
    }

    /** The whole job against Kafka as the options say. */
    public static void defineWithKafka(StreamExecutionEnvironment env, JobOptions options) {
        define(env, options, EntityKinds.of(options),
                kind -> kafkaSource(options, kind), kafkaSink(options));
    }

    /** The job graph with the given sources (one per kind) and sink. */
    public static void define(StreamExecutionEnvironment env, JobOptions options, List<EntityKind<?, ?>> kinds,
            Function<EntityKind<?, ?>, Source<?, ?, ?>> sources, Sink<Outgoing> sink) {
        env.setMaxParallelism(options.maxParallelism());
        env.setBufferTimeout(BUFFER_TIMEOUT.toMillis());
        if (options.parallelism() != null) {
            env.setParallelism(options.parallelism());
        }
        List<DataStream<Outgoing>> outputs = new ArrayList<>();
        for (EntityKind<?, ?> kind : kinds) {
            outputs.add(pipeline(env, kind, sources.apply(kind), options));
        }
        DataStream<Outgoing> all = outputs.get(0);
        for (DataStream<Outgoing> more : outputs.subList(1, outputs.size())) {
            all = all.union(more);
        }
        all.sinkTo(sink).uid("kafka-sink").name("kafka-sink");
    }

    @SuppressWarnings("unchecked")
    private static <S, E extends EntityEvent> DataStream<Outgoing> pipeline(StreamExecutionEnvironment env,
            EntityKind<S, E> kind, Source<?, ?, ?> source, JobOptions options) {
        WatermarkStrategy<Incoming<E>> watermarks = WatermarkStrategy
                .<Incoming<E>>forBoundedOutOfOrderness(OUT_OF_ORDERNESS)
                .withTimestampAssigner((in, kafkaTime) ->
                        in.event() != null ? in.event().event().eventTime().toEpochMilli() : kafkaTime)
                .withIdleness(IDLE_PARTITION);
        DataStream<Incoming<E>> incoming = env
                .fromSource((Source<Incoming<E>, ?, ?>) source, watermarks, kind.name() + "-source",
                        JsonTypeInfo.of(Incoming.class, kind.eventType()))
                .uid(kind.name() + "-source");

        TypeInformation<Sourced<E>> sourcedType = JsonTypeInfo.of(Sourced.class, kind.eventType());
        SingleOutputStreamOperator<Sourced<E>> events = incoming
                .process(new SplitDeadLetters<E>(options.outputs().deadLetters()), sourcedType)
                .uid(kind.name() + "-decode")
                .name(kind.name() + "-decode");

        DataStream<Outgoing> state = events
                .keyBy(in -> in.event().entityId(), Types.STRING)
                .transform(kind.name() + "-state", TypeInformation.of(Outgoing.class),
                        new EntityStateOperator<>(new EntityStateFunction<>(kind, options.outputs(), options.tuning())))
                .uid(kind.name() + "-state");
        return state.union(events.getSideOutput(SplitDeadLetters.DEAD_LETTERS));
    }

    static <S, E extends EntityEvent> KafkaSource<Incoming<E>> kafkaSource(JobOptions options, EntityKind<S, E> kind) {
        OffsetsInitializer start = switch (options.startingOffsets()) {
            case EARLIEST -> OffsetsInitializer.earliest();
            case LATEST -> OffsetsInitializer.latest();
            case COMMITTED -> OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
        };
        return KafkaSource.<Incoming<E>>builder()
                .setBootstrapServers(options.bootstrapServers())
                .setTopics(kind.inputTopic())
                .setGroupId(options.groupId())
                .setStartingOffsets(start)
                .setDeserializer(new IncomingDeserializer<>(
                        new EventDecoder<>(kind.eventType(), kind.schemaName(), options.maxRecordBytes()),
                        kind.eventType()))
                .setProperty("partition.discovery.interval.ms", "30000")
                .setProperty("commit.offsets.on.checkpoint", "true")
                // The ticker reads what the job itself writes, in Kafka transactions with exactly-once
                // delivery: a line of an aborted transaction must not count (its replay sends it again).
                .setProperty("isolation.level", "read_committed")
                .build();
    }

    static KafkaSink<Outgoing> kafkaSink(JobOptions options) {
        return KafkaSink.<Outgoing>builder()
                .setBootstrapServers(options.bootstrapServers())
                .setRecordSerializer(new OutgoingSerializer())
                .setDeliveryGuarantee(options.delivery())
                .setTransactionalIdPrefix(options.groupId() + "-tx")
                // A delta is acknowledged only once every in-sync replica has it.
                .setProperty("acks", "all")
                .setProperty("linger.ms", "5")
                .setProperty("compression.type", "lz4")
                .setProperty("transaction.timeout.ms", "600000")
                .build();
    }
}
