package dev.scoreline.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** The schedule is kept by Flink's POJO serializer (evolvable, never Kryo), nulls and all. */
class EntityScheduleTest {

    @Test
    void flinkSerializesTheScheduleAsAPojoAndReadsBackWhatItWrote() throws Exception {
        TypeInformation<EntitySchedule> type = TypeInformation.of(EntitySchedule.class);
        assertThat(type).isInstanceOf(PojoTypeInfo.class);

        SerializerConfigImpl config = new SerializerConfigImpl();
        config.setGenericTypes(false);
        TypeSerializer<EntitySchedule> serializer = type.createSerializer(config);
        EntitySchedule schedule = new EntitySchedule(3, 1_000L, 1_100L, null, 5_000L, null, 86_400_000L);
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(schedule, out);

        assertThat(serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()))).isEqualTo(schedule);
        assertThat(out.length()).as("bytes for seven fields").isLessThan(64);
    }
}
