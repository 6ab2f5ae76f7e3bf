package dev.scoreline.event;

import com.fasterxml.jackson.annotation.JsonSubTypes;

/**
 * The {@code type} of each event class, read once from the {@link JsonSubTypes} of the event
 * interface it implements (directly or through another, as a table's player events do): the name
 * Jackson writes and reads is then the only one there is.
 */
final class EventTypes {

    private static final ClassValue<String> NAMES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            String name = nameIn(type, type);
            if (name == null) {
                throw new IllegalStateException(type.getName() + " is named by no event interface's @JsonSubTypes");
            }
            return name;
        }
    };

    private EventTypes() {}

    private static String nameIn(Class<?> from, Class<?> type) {
        for (Class<?> parent : from.getInterfaces()) {
            JsonSubTypes subTypes = parent.getAnnotation(JsonSubTypes.class);
            if (subTypes != null) {
                for (JsonSubTypes.Type subType : subTypes.value()) {
                    if (subType.value() == type) {
                        return subType.name();
                    }
                }
            }
            String above = nameIn(parent, type);
            if (above != null) {
                return above;
            }
        }
        return null;
    }

    static String of(Class<?> type) {
        return NAMES.get(type);
    }
}
