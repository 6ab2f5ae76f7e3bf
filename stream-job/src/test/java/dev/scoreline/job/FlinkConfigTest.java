package dev.scoreline.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.FallbackKey;
import org.apache.flink.configuration.GlobalConfiguration;
import org.junit.jupiter.api.Test;

/**
 * {@code flink-conf/config.yaml} is read by Flink itself: a misspelt key would be silently
 * ignored there, so this test holds every key against the options Flink's jars declare and reads
 * every value as its option's type.
 */
class FlinkConfigTest {

    /** Keys whose middle part is a name the operator chooses (a metrics reporter's). */
    private static final String REPORTERS = "metrics.reporter.";

    @Test
    void everyKeyIsAFlinkOptionAndEveryValueParses() throws Exception {
        Configuration conf = GlobalConfiguration.loadConfiguration(Path.of("..", "flink-conf").toString());
        Map<String, ConfigOption<?>> known = declaredOptions();
        assertThat(known).as("options found on the classpath").hasSizeGreaterThan(300);

        Map<String, String> values = conf.toMap();
        assertThat(values).containsEntry("state.backend.type", "rocksdb")
                .containsEntry("execution.checkpointing.incremental", "true")
                .containsEntry("pipeline.generic-types", "false");
        for (String key : values.keySet()) {
            if (key.startsWith(REPORTERS)) {
                continue;
            }
            assertThat(known).as("a Flink option named %s", key).containsKey(key);
            ConfigOption<?> option = known.get(key);
            assertThat(conf.getOptional(option)).as("the value of %s as %s", key, option).isPresent();
        }
    }

    private static Map<String, ConfigOption<?>> declaredOptions() throws Exception {
        Map<String, ConfigOption<?>> options = new HashMap<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.endsWith(".jar") || !new File(entry).getName().startsWith("flink-")) {
                continue;
            }
            try (JarFile jar = new JarFile(entry)) {
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    String name = entries.nextElement().getName();
                    if (name.startsWith("org/apache/flink/") && !name.contains("/shaded/")
                            && name.endsWith("Options.class") && !name.contains("$")) {
                        collect(name.replace('/', '.').replace(".class", ""), options);
                    }
                }
            }
        }
        return options;
    }

    private static void collect(String className, Map<String, ConfigOption<?>> options) {
        Field[] fields;
        try {
            fields = Class.forName(className, false, FlinkConfigTest.class.getClassLoader()).getDeclaredFields();
        } catch (ClassNotFoundException | LinkageError e) {
            return;
        }
        for (Field field : fields) {
            if (Modifier.isStatic(field.getModifiers()) && ConfigOption.class.isAssignableFrom(field.getType())) {
                try {
                    field.setAccessible(true);
                    ConfigOption<?> option = (ConfigOption<?>) field.get(null);
                    options.put(option.key(), option);
                    for (FallbackKey fallback : option.fallbackKeys()) {
                        options.putIfAbsent(fallback.getKey(), option);
                    }
                } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                    // An option class that cannot initialise here declares nothing we use.
                }
            }
        }
    }
}
