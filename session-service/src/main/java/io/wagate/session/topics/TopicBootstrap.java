package io.wagate.session.topics;

import io.micronaut.context.annotation.Value;
import io.wagate.schemas.Topics;
import io.wagate.session.KafkaSettings;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the commands, events and dead-letter topics before the command consumer subscribes, so a
 * broker without auto-creation works and the partition count is ours, not the broker's default.
 * Topics that exist are left as they are (growing partitions is an operator's decision: it moves
 * sessions between instances). Where the credentials may not create topics, it says so and goes on.
 */
@Singleton
public class TopicBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(TopicBootstrap.class);

    TopicBootstrap(
            @Value("${kafka.bootstrap.servers}") String bootstrapServers, KafkaSettings kafka, TopicSettings settings) {
        if (!settings.create()) {
            return;
        }
        List<NewTopic> topics = List.of(Topics.COMMANDS, Topics.EVENTS, Topics.COMMAND_DEAD_LETTERS).stream()
                .map(name ->
                        new NewTopic(kafka.topicPrefix() + name, settings.partitions(), settings.replicationFactor()))
                .toList();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            for (var entry : admin.createTopics(topics).values().entrySet()) {
                try {
                    entry.getValue().get(30, TimeUnit.SECONDS);
                    LOG.info("created topic {} ({} partitions)", entry.getKey(), settings.partitions());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        LOG.warn(
                                "topic {} not created: {}",
                                entry.getKey(),
                                e.getCause().toString());
                    }
                }
            }
        } catch (TimeoutException e) {
            LOG.warn("creating topics timed out; relying on them existing");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
