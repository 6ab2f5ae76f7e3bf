package dev.scoreline.job.serde;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * What a savepoint remembers of a {@link JsonSerializer}: the class names of the value. A restore
 * with the same classes reads the old JSON as it is (JSON tolerates added and removed fields); a
 * restore where the state's class changed is refused rather than misread.
 */
public final class JsonSerializerSnapshot<T> implements TypeSerializerSnapshot<T> {

    private static final int VERSION = 1;

    private String rawType;
    private String[] typeArguments;
    private ClassLoader classLoader;

    /** For Flink, which reads the snapshot into an empty instance. */
    public JsonSerializerSnapshot() {}

    JsonSerializerSnapshot(JsonSerializer<T> serializer) {
        this.rawType = serializer.rawType().getName();
        Class<?>[] arguments = serializer.typeArguments();
        this.typeArguments = new String[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            typeArguments[i] = arguments[i].getName();
        }
        this.classLoader = serializer.rawType().getClassLoader();
    }

    @Override
    public int getCurrentVersion() {
        return VERSION;
    }

    @Override
    public void writeSnapshot(DataOutputView out) throws IOException {
        out.writeUTF(rawType);
        out.writeInt(typeArguments.length);
        for (String argument : typeArguments) {
            out.writeUTF(argument);
        }
    }

    @Override
    public void readSnapshot(int readVersion, DataInputView in, ClassLoader userCodeClassLoader) throws IOException {
        if (readVersion != VERSION) {
            throw new IOException("unknown JsonSerializer snapshot version " + readVersion);
        }
        rawType = in.readUTF();
        typeArguments = new String[in.readInt()];
        for (int i = 0; i < typeArguments.length; i++) {
            typeArguments[i] = in.readUTF();
        }
        classLoader = userCodeClassLoader;
    }

    @Override
    public TypeSerializer<T> restoreSerializer() {
        try {
            Class<?>[] arguments = new Class<?>[typeArguments.length];
            for (int i = 0; i < arguments.length; i++) {
                arguments[i] = Class.forName(typeArguments[i], false, classLoader);
            }
            return new JsonSerializer<>(Class.forName(rawType, false, classLoader), arguments);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("state was written for " + rawType + ", which this job no longer has", e);
        }
    }

    @Override
    public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(TypeSerializerSnapshot<T> oldSnapshot) {
        if (oldSnapshot instanceof JsonSerializerSnapshot<T> old
                && old.rawType.equals(rawType)
                && java.util.Arrays.equals(old.typeArguments, typeArguments)) {
            return TypeSerializerSchemaCompatibility.compatibleAsIs();
        }
        return TypeSerializerSchemaCompatibility.incompatible();
    }
}
