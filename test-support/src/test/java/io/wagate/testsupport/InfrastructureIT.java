package io.wagate.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(InfrastructureExtension.class)
class InfrastructureIT {

    @Test
    void kafkaTakesARecordAndGivesItBack(Infrastructure infra) throws Exception {
        String topic = Infrastructure.uniqueTopicPrefix() + "probe";
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(topic, "sess_1", "hello")).get();
        }
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                infra.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "probe",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            String value = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (value == null && System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    value = record.value();
                }
            }
            assertThat(value).isEqualTo("hello");
        }
    }

    @Test
    void eachNewDatabaseIsEmptyAndWritable(Infrastructure infra) throws Exception {
        String url = infra.postgres().newDatabase();
        try (var connection = DriverManager.getConnection(
                        url, infra.postgres().user(), infra.postgres().password());
                var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE probe (id int)");
            statement.execute("INSERT INTO probe VALUES (42)");
            var rows = statement.executeQuery("SELECT id FROM probe");
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(42);
        }
        assertThat(infra.postgres().newDatabase()).isNotEqualTo(url);
    }

    @Test
    void redisAnswersPing(Infrastructure infra) throws Exception {
        URI uri = URI.create(infra.redisUri());
        try (var socket = new Socket(uri.getHost(), uri.getPort());
                var out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.US_ASCII);
                var in =
                        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))) {
            out.print("PING\r\n");
            out.flush();
            assertThat(in.readLine()).isEqualTo("+PONG");
        }
    }

    @Test
    void postgresUrlsFromTheEnvironmentAreUnderstood() {
        var server = Infrastructure.parsePostgres("postgres://alice:s3cret@db.internal:6543");

        assertThat(server).isEqualTo(new PostgresServer("db.internal", 6543, "alice", "s3cret"));
        assertThat(Infrastructure.parsePostgres("jdbc:postgresql://127.0.0.1:5432/test")
                        .user())
                .isEqualTo("postgres");
    }
}
