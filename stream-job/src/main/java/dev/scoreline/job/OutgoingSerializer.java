package dev.scoreline.job;

import dev.scoreline.delta.Channel;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Every output record names its own topic; its key keeps one channel's records in order in one
 * partition, and a private channel's player puts all of that player's channels in the same one.
 */
public final class OutgoingSerializer implements KafkaRecordSerializationSchema<Outgoing> {

    private static final long serialVersionUID = 1L;

    @Override
    public ProducerRecord<byte[], byte[]> serialize(Outgoing record, KafkaSinkContext context, Long timestamp) {
        byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
        Integer partition = record.player() == null ? null
                : Channel.privatePartition(record.player(), context.getPartitionsForTopic(record.topic()).length);
        return new ProducerRecord<>(record.topic(), partition, record.timestamp(), key, record.value());
    }
}
