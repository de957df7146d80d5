package io.wagate.api.command;

import io.micronaut.configuration.kafka.config.AbstractKafkaProducerConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Producer settings our answers depend on, so configuration cannot weaken them: a 201/202 promises
 * the command is on every in-sync replica exactly once, and a send blocked on metadata must give up
 * within the ack timeout like an unacknowledged one does.
 */
@Singleton
@SuppressWarnings("rawtypes")
public class DurableProducerSettings implements BeanCreatedEventListener<AbstractKafkaProducerConfiguration> {

    private final KafkaSettings settings;

    DurableProducerSettings(KafkaSettings settings) {
        this.settings = settings;
    }

    @Override
    public AbstractKafkaProducerConfiguration onCreated(BeanCreatedEvent<AbstractKafkaProducerConfiguration> event) {
        Properties config = event.getBean().getConfig();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                String.valueOf(settings.ackTimeout().toMillis()));
        config.putIfAbsent(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.putIfAbsent(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return event.getBean();
    }
}
