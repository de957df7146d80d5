package io.wagate.schemas;

/**
 * The Kafka topics of the contract. Every record on them is keyed by its session id, so one session's
 * traffic lands on one partition and keeps its order.
 *
 * <p>Deployments that share a broker put a prefix before each name (services read it from
 * {@code wagate.kafka.topic-prefix}); the names below are what follows it.
 */
public final class Topics {

    /** {@link io.wagate.schemas.v1.SessionCommand} and {@link io.wagate.schemas.v1.SendMessage} records. */
    public static final String COMMANDS = "wagate.commands.v1";

    /** {@link io.wagate.schemas.v1.Event} records. */
    public static final String EVENTS = "wagate.events.v1";

    /** Command records that could not be decoded or validated, as they arrived, with the reason in headers. */
    public static final String COMMAND_DEAD_LETTERS = "wagate.commands.dlq.v1";

    /** Header on a dead-lettered record: the lower_snake reason it was set aside. */
    public static final String DEAD_LETTER_REASON_HEADER = "wagate-dead-letter-reason";

    private Topics() {}
}
