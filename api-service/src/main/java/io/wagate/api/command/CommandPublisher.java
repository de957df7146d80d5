package io.wagate.api.command;

/** Puts encoded commands on the commands topic, keyed by session id so a session's commands keep their order. */
public interface CommandPublisher {

    /**
     * Returns once the broker has the command durably (all in-sync replicas).
     *
     * @throws io.wagate.api.error.ApiException {@code unavailable} when that does not happen within
     *     {@code wagate.kafka.ack-timeout}
     */
    void publish(String sessionId, byte[] command);

    /**
     * Hands the command to the producer without waiting, in order after every command already
     * published by this instance for the session; a failure is only logged.
     */
    void publishWithoutWaiting(String sessionId, byte[] command);
}
