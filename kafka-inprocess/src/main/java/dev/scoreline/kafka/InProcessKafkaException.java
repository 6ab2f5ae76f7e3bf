package dev.scoreline.kafka;

/** The in-process broker could not start, or could not do what was asked of it; the message says why. */
public class InProcessKafkaException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InProcessKafkaException(String message) {
        super(message);
    }

    public InProcessKafkaException(String message, Throwable cause) {
        super(message, cause);
    }
}
