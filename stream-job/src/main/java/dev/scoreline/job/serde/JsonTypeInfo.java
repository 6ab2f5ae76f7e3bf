package dev.scoreline.job.serde;

import java.util.Arrays;
import java.util.Objects;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** The type information that gives a stream or a state a {@link JsonSerializer}. */
public final class JsonTypeInfo<T> extends TypeInformation<T> {

    private static final long serialVersionUID = 1L;

    private final Class<?> rawType;
    private final Class<?>[] typeArguments;

    private JsonTypeInfo(Class<?> rawType, Class<?>... typeArguments) {
        this.rawType = Objects.requireNonNull(rawType);
        this.typeArguments = typeArguments.clone();
    }

    public static <T> JsonTypeInfo<T> of(Class<T> type) {
        return new JsonTypeInfo<>(type);
    }

    /** For a generic record such as {@code Sourced<MatchEvent>}. */
    @SuppressWarnings("unchecked")
    public static <T> JsonTypeInfo<T> of(Class<?> rawType, Class<?>... typeArguments) {
        return (JsonTypeInfo<T>) new JsonTypeInfo<>(rawType, typeArguments);
    }

    public TypeSerializer<T> createSerializer() {
        return new JsonSerializer<>(rawType, typeArguments);
    }

    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        return createSerializer();
    }

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Class<T> getTypeClass() {
        return (Class<T>) rawType;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public String toString() {
        return "Json<" + rawType.getSimpleName()
                + (typeArguments.length == 0 ? "" : Arrays.toString(typeArguments)) + ">";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonTypeInfo<?> that
                && rawType.equals(that.rawType)
                && Arrays.equals(typeArguments, that.typeArguments);
    }

    @Override
    public int hashCode() {
        return 31 * rawType.hashCode() + Arrays.hashCode(typeArguments);
    }

    @Override
    public boolean canEqual(Object other) {
        return other instanceof JsonTypeInfo;
    }
}
