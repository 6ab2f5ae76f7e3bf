package dev.scoreline.job;

import dev.scoreline.event.EntityEvent;
import dev.scoreline.job.serde.JsonTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Decodes in the source itself, so that watermarks follow the events' own times per partition. */
public final class IncomingDeserializer<E extends EntityEvent> implements KafkaRecordDeserializationSchema<Incoming<E>> {

    private static final long serialVersionUID = 1L;

    private final EventDecoder<E> decoder;
    private final Class<E> eventType;

    public IncomingDeserializer(EventDecoder<E> decoder, Class<E> eventType) {
        this.decoder = decoder;
        this.eventType = eventType;
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Incoming<E>> out) {
        out.collect(decoder.decode(record.topic(), record.partition(), record.offset(), record.timestamp(),
                record.key(), record.value()));
    }

    @Override
    public TypeInformation<Incoming<E>> getProducedType() {
        return JsonTypeInfo.of(Incoming.class, eventType);
    }
}
