package dev.scoreline.job.serde;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.scoreline.json.Json;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Keeps a value as its JSON, written by the project's one {@link Json#MAPPER}: the explicit,
 * evolvable serializer of every record type in the job's streams and keyed state, so nothing falls
 * back to Kryo. JSON evolves the way the messages do: a field added to a record reads as its
 * default from old state, a field removed is ignored.
 *
 * <p>Values are treated as immutable: nothing in the job changes a record once it is emitted or
 * stored, so {@link #copy} hands out the same instance instead of a costly deep copy.
 */
public final class JsonSerializer<T> extends TypeSerializer<T> {

    private static final long serialVersionUID = 1L;

    private final Class<?> rawType;
    private final Class<?>[] typeArguments;
    private transient ObjectReader reader;
    private transient ObjectWriter writer;

    public JsonSerializer(Class<?> rawType, Class<?>... typeArguments) {
        this.rawType = Objects.requireNonNull(rawType);
        this.typeArguments = typeArguments.clone();
    }

    Class<?> rawType() {
        return rawType;
    }

    Class<?>[] typeArguments() {
        return typeArguments.clone();
    }

    private JavaType javaType() {
        return typeArguments.length == 0
                ? Json.MAPPER.constructType(rawType)
                : Json.MAPPER.getTypeFactory().constructParametricType(rawType, typeArguments);
    }

    private ObjectReader reader() {
        if (reader == null) {
            reader = Json.MAPPER.readerFor(javaType());
        }
        return reader;
    }

    private ObjectWriter writer() {
        if (writer == null) {
            writer = Json.MAPPER.writerFor(javaType());
        }
        return writer;
    }

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public TypeSerializer<T> duplicate() {
        return new JsonSerializer<>(rawType, typeArguments);
    }

    @Override
    public T createInstance() {
        return null;
    }

    @Override
    public T copy(T from) {
        return from;
    }

    @Override
    public T copy(T from, T reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(T record, DataOutputView target) throws IOException {
        byte[] json = writer().writeValueAsBytes(record);
        target.writeInt(json.length);
        target.write(json);
    }

    @Override
    public T deserialize(DataInputView source) throws IOException {
        byte[] json = new byte[source.readInt()];
        source.readFully(json);
        return reader().readValue(json);
    }

    @Override
    public T deserialize(T reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        int length = source.readInt();
        target.writeInt(length);
        target.write(source, length);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonSerializer<?> that
                && rawType.equals(that.rawType)
                && Arrays.equals(typeArguments, that.typeArguments);
    }

    @Override
    public int hashCode() {
        return 31 * rawType.hashCode() + Arrays.hashCode(typeArguments);
    }

    @Override
    public TypeSerializerSnapshot<T> snapshotConfiguration() {
        return new JsonSerializerSnapshot<>(this);
    }
}
