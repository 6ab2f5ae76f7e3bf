package dev.scoreline.job;

import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Every output record names its own topic; its key keeps one channel's records in order in one partition. */
public final class OutgoingSerializer implements KafkaRecordSerializationSchema<Outgoing> {

    private static final long serialVersionUID = 1L;

    @Override
    public ProducerRecord<byte[], byte[]> serialize(Outgoing record, KafkaSinkContext context, Long timestamp) {
        byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
        return new ProducerRecord<>(record.topic(), null, record.timestamp(), key, record.value());
    }
}
