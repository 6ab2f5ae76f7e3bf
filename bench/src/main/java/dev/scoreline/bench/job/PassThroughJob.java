package dev.scoreline.bench.job;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The baseline: a stateless job that copies every record of a topic to another, on a MiniCluster
 * set up as {@code LocalJob} sets up the real one (RocksDB, incremental checkpoints at the same
 * interval, the same parallelism, the same sink settings), so that the difference is the job's own
 * work.
 */
final class PassThroughJob implements AutoCloseable {

    private final MiniCluster cluster;
    private final JobID jobId;

    private PassThroughJob(MiniCluster cluster, JobID jobId) {
        this.cluster = cluster;
        this.jobId = jobId;
    }

    static PassThroughJob start(String bootstrap, String input, String output, int parallelism,
            Duration checkpointInterval, Path workDir) throws Exception {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        conf.set(StateBackendOptions.STATE_BACKEND, "rocksdb");
        conf.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, workDir.resolve("checkpoints").toUri().toString());
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, checkpointInterval);
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, parallelism);
        conf.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        conf.set(RestOptions.PORT, 0);
        MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(conf).setNumTaskManagers(1).setNumSlotsPerTaskManager(parallelism).build());
        cluster.start();
        try {
            StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
            env.setParallelism(parallelism);
            KafkaSource<byte[]> source = KafkaSource.<byte[]>builder()
                    .setBootstrapServers(bootstrap)
                    .setTopics(input)
                    .setGroupId("bench-pass-through-" + output)
                    .setStartingOffsets(OffsetsInitializer.earliest())
                    .setDeserializer(KafkaRecordDeserializationSchema.valueOnly(ByteArrayDeserializer.class))
                    .build();
            KafkaSink<byte[]> sink = KafkaSink.<byte[]>builder()
                    .setBootstrapServers(bootstrap)
                    .setRecordSerializer(KafkaRecordSerializationSchema.<byte[]>builder()
                            .setTopic(output)
                            .setValueSerializationSchema(new Bytes())
                            .build())
                    .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                    .setProperty("linger.ms", "5")
                    .setProperty("compression.type", "lz4")
                    .build();
            env.fromSource(source, WatermarkStrategy.noWatermarks(), "pass-through-source",
                            PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO)
                    .uid("pass-through-source")
                    .sinkTo(sink).uid("pass-through-sink").name("pass-through-sink");
            JobID id = cluster.submitJob(env.getStreamGraph().getJobGraph()).get(1, TimeUnit.MINUTES).getJobID();
            return new PassThroughJob(cluster, id);
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
    }

    /** The record's value as it is; a named class, as Flink's type extraction needs. */
    static final class Bytes implements SerializationSchema<byte[]> {
        private static final long serialVersionUID = 1L;

        @Override
        public byte[] serialize(byte[] value) {
            return value;
        }
    }

    JobID jobId() {
        return jobId;
    }

    MiniCluster cluster() {
        return cluster;
    }

    void awaitRunning(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (cluster.getJobStatus(jobId).get(10, TimeUnit.SECONDS) != JobStatus.RUNNING) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the pass-through job did not start");
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            cluster.cancelJob(jobId).get(1, TimeUnit.MINUTES);
        } finally {
            cluster.close();
        }
    }
}
