package io.wagate.devstack;

import static io.wagate.devstack.ConnectedSession.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.wagate.schemas.Topics;
import io.wagate.schemas.v1.AudioContent;
import io.wagate.schemas.v1.ContactCard;
import io.wagate.schemas.v1.ContactContent;
import io.wagate.schemas.v1.DocumentContent;
import io.wagate.schemas.v1.EditContent;
import io.wagate.schemas.v1.ImageContent;
import io.wagate.schemas.v1.LocationContent;
import io.wagate.schemas.v1.MediaRef;
import io.wagate.schemas.v1.PollContent;
import io.wagate.schemas.v1.ReactionContent;
import io.wagate.schemas.v1.RevokeContent;
import io.wagate.schemas.v1.SendMessage;
import io.wagate.schemas.v1.StickerContent;
import io.wagate.schemas.v1.TextContent;
import io.wagate.schemas.v1.VideoContent;
import io.wagate.testsupport.Infrastructure;
import io.wagate.testsupport.InfrastructureExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of message and every send option, sent over HTTP and straight to Kafka through the
 * gateway as devstack runs it, followed to the webhooks they cause; media by URL, base64 and upload;
 * media-service's SSRF guard seen from outside, for media URLs and link previews alike.
 */
@ExtendWith(InfrastructureExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MessagingE2EIT {

    /** docs/simulator.md: gets and reads everything, never answers. */
    private static final String READER = "5511999999999";
    /** docs/simulator.md: reads, then echoes what it got, quoting it. */
    private static final String REPLYING_PHONE = "5511900000004";
    /** docs/simulator.md: the group every session is a member of, and one of its members. */
    private static final String TEST_GROUP = "120363000000000001@g.us";

    private static final String GROUP_MEMBER = "5511900000001";
    /** The media server's own loopback address: allowed in media-service's guard, while 127.0.0.1 stays refused. */
    private static final String ALLOWED_HOST = "127.0.0.2";

    private RecordingReceiver receiver;
    private FileServer files;
    private FileServer loopbackTrap;
    private FileServer ipv6LoopbackTrap;
    private CapturedOutput serviceOutput;
    private DevStack stack;
    private CommandProducer kafka;
    private ConnectedSession session;

    @BeforeAll
    void startTheGatewayWithAConnectedSession(Infrastructure infra) {
        receiver = RecordingReceiver.start();
        files = FileServer.start(ALLOWED_HOST);
        loopbackTrap = FileServer.start("127.0.0.1");
        ipv6LoopbackTrap = FileServer.start("::1");
        // Real images: were the guard to let a fetch through, the send would succeed and the test fail.
        loopbackTrap.serve("/x.png", "image/png", MediaFixtures.png());
        ipv6LoopbackTrap.serve("/x.png", "image/png", MediaFixtures.png());

        // A sync send answers 429 once the session's bucket (10 by default) is spent; this class sends more.
        Map<String, String> roomyBuckets = Map.of(
                "wagate.rate-limits.session.capacity", "1000",
                "wagate.rate-limits.session.per-minute", "60000");
        Map<String, String> sessionService = new HashMap<>(roomyBuckets);
        sessionService.put("wagate.simulator.scan-delay", "1s");
        String topicPrefix = Infrastructure.uniqueTopicPrefix();
        var settings = TestStacks.settings(
                topicPrefix,
                Map.of(
                        Service.SESSION, sessionService,
                        Service.API, roomyBuckets,
                        Service.MEDIA, Map.of("wagate.media.allowed-hosts", ALLOWED_HOST + "/32")));
        serviceOutput = new CapturedOutput(System.out);
        stack = DevStack.start(settings, infra, infra.postgres().newDatabase(), serviceOutput);
        kafka = new CommandProducer(infra.kafkaBootstrapServers(), topicPrefix);
        session = ConnectedSession.open(stack, receiver);
    }

    @AfterAll
    void stopTheGateway() {
        if (kafka != null) {
            kafka.close();
        }
        if (stack != null) {
            stack.close();
        }
        Stream.of(files, loopbackTrap, ipv6LoopbackTrap).forEach(FileServer::close);
        receiver.close();
    }

    // Every kind over HTTP

    /** Media comes each of three ways: a URL, inline base64, or an earlier upload ({@code POST /v1/media}). */
    Stream<Arguments> everyKind() {
        String pngBase64 = Base64.getEncoder().encodeToString(MediaFixtures.png());
        String mp3Base64 = Base64.getEncoder().encodeToString(MediaFixtures.mp3());
        String vcard = "BEGIN:VCARD\nVERSION:3.0\nFN:Bo\nTEL;waid=5511977776666:+55 11 97777-6666\nEND:VCARD";
        return Stream.of(
                Arguments.of("text", Map.of("type", "text", "text", "Your order has shipped")),
                Arguments.of(
                        "image by URL",
                        Map.of(
                                "type", "image",
                                "media_url", files.serve("/photo.jpg", "image/jpeg", MediaFixtures.jpeg()),
                                "caption", "the photo")),
                Arguments.of(
                        "video by upload",
                        Map.of(
                                "type",
                                "video",
                                "media_id",
                                session.api().upload("clip.mp4", "video/mp4", MediaFixtures.mp4()))),
                Arguments.of(
                        "audio as base64",
                        Map.of("type", "audio", "media_base64", mp3Base64, "mimetype", "audio/mpeg")),
                // WhatsApp takes only Ogg/Opus voice notes (the simulator refuses others): media-service converts.
                Arguments.of(
                        "voice note by URL",
                        Map.of(
                                "type",
                                "audio",
                                "voice_note",
                                true,
                                "media_url",
                                files.serve("/note.mp3", "audio/mpeg", MediaFixtures.mp3()))),
                Arguments.of(
                        "document by upload",
                        Map.of(
                                "type", "document",
                                "media_id", session.api().upload("r.pdf", "application/pdf", MediaFixtures.pdf()),
                                "filename", "report-42.pdf",
                                "caption", "your report")),
                // Likewise only WebP stickers: the PNG is converted.
                Arguments.of("sticker as base64", Map.of("type", "sticker", "media_base64", pngBase64)),
                Arguments.of(
                        "location",
                        Map.of(
                                "type", "location",
                                "latitude", -23.5505,
                                "longitude", -46.6333,
                                "name", "Praça da Sé",
                                "address", "São Paulo")),
                Arguments.of(
                        "contact",
                        Map.of(
                                "type",
                                "contact",
                                "contacts",
                                List.of(
                                        Map.of("name", "Ana Souza", "phones", List.of("5511988887777")),
                                        Map.of("vcard", vcard, "display_name", "Bo")))),
                Arguments.of(
                        "poll",
                        Map.of("type", "poll", "question", "Lunch?", "options", List.of("Pizza", "Sushi", "Salad"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyKind")
    void everyKindIsSentDeliveredAndAnnouncedWithItsReferences(String kind, Map<String, Object> content) {
        String clientRef = "kind-" + kind.replace(' ', '-');
        Map<String, Object> body = new HashMap<>(content);
        body.putAll(Map.of("to", READER, "client_ref", clientRef, "metadata", Map.of("case", kind)));

        String messageId = session.send(body);

        session.awaitAnnounced(messageId, clientRef, Map.of("case", kind), "message.sent", "message.delivered");
        assertThat(session.message(messageId).get("type").asText()).isEqualTo(content.get("type"));
    }

    @Test
    void aReactionAnEditAndADeletionAreSendsOfTheirOwn() {
        String original = session.send(text(READER, "see you at 5", "original"));

        String reaction = session.send(Map.of(
                "to",
                READER,
                "type",
                "reaction",
                "message_id",
                original,
                "emoji",
                "👍",
                "client_ref",
                "reaction",
                "metadata",
                Map.of("case", "reaction")));
        String edit = session.edit(
                original, Map.of("text", "see you at 6", "client_ref", "edit", "metadata", Map.of("case", "edit")));
        String deletion = session.delete(original);

        session.awaitAnnounced(reaction, "reaction", Map.of("case", "reaction"), "message.sent", "message.delivered");
        session.awaitAnnounced(edit, "edit", Map.of("case", "edit"), "message.sent", "message.delivered");
        await().atMost(PATIENCE)
                .until(() -> receiver.typesFor(deletion).containsAll(List.of("message.sent", "message.delivered")));
        Map<String, String> types = Map.of(reaction, "reaction", edit, "edit", deletion, "delete");
        types.forEach((messageId, type) -> {
            JsonNode message = session.message(messageId);
            assertThat(message.get("type").asText()).isEqualTo(type);
            assertThat(message.get("target_message_id").asText()).isEqualTo(original);
        });
    }

    // Options over HTTP

    @Test
    void aReplyQuotesAnEarlierMessageAndAReplyToAnUnknownOneFailsWithItsReason() {
        String question = session.send(text(READER, "question?", "asked"));
        session.send(with(text(READER, "answer!", "answered"), "reply_to", question));

        GatewayClient.Answer refused = session.trySend(
                with(text(READER, "answer to nothing", "lost"), "reply_to", "msg_01JD7Q0A1B2C3D4E5F6G7H8J9K"));

        assertThat(refused.status()).as("%s", refused.body()).isEqualTo(422);
        assertThat(refused.errorCode()).isEqualTo("reply_message_not_found");
        session.awaitFailedWith(refused.body().at("/error/details/message_id").asText(), "reply_message_not_found");
        session.send(text(READER, "still here", "after-lost"));
    }

    @Test
    void mentionsAreSentInTheTestGroupAndRefusedInADirectChat() {
        String mention = session.send(
                with(text(TEST_GROUP, "@" + GROUP_MEMBER + " done", "mention"), "mentions", List.of(GROUP_MEMBER)));

        GatewayClient.Answer refused = session.trySend(
                with(text(READER, "@" + GROUP_MEMBER + " hi", "direct-mention"), "mentions", List.of(GROUP_MEMBER)));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("mentions_not_supported");
        String everyone = session.send(with(text(TEST_GROUP, "Meeting in 5", "mention-all"), "mention_all", true));
        session.awaitAnnounced(mention, "mention", Map.of(), "message.sent", "message.delivered");
        session.awaitAnnounced(everyone, "mention-all", Map.of(), "message.sent", "message.delivered");
        assertThat(session.clientRefsAnnounced()).doesNotContain("direct-mention");
    }

    @Test
    void aDelayedSendAnswersOnlyAfterItsTypingDelay() {
        long started = System.nanoTime();

        session.send(with(text(READER, "thinking...", "delayed"), "delay", 2));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aCaptionArrivesWithItsImage() {
        String messageId = session.send(Map.of(
                "to", REPLYING_PHONE,
                "type", "image",
                "media_url", files.serve("/captioned.png", "image/png", MediaFixtures.png()),
                "caption", "a red disc",
                "client_ref", "captioned"));

        // The replying phone echoes what it got, quoting it: the quote shows the caption it saw.
        await().atMost(PATIENCE).until(() -> receiver.events().stream()
                .filter(e -> e.get("type").asText().equals("message.received"))
                .anyMatch(e -> messageId.equals(e.at("/data/quoted/message_id").asText())
                        && e.at("/data/quoted/text").asText().equals("a red disc")));
    }

    @Test
    void aLinkPreviewReadsTheAllowedPageAndFetchesTheImageItsOpenGraphTagsName() {
        String thumbnail = files.serve("/menu.jpg", "image/jpeg", MediaFixtures.jpeg());
        String page = files.page("/menu", """
                <html><head>
                <meta property="og:title" content="Our menu">
                <meta property="og:description" content="Pizza, sushi and salad">
                <meta property="og:image" content="%s">
                </head><body>menu</body></html>
                """.formatted(thumbnail));

        session.send(with(text(READER, "Our menu: " + page, "previewed"), "link_preview", true));

        assertThat(files.requests("/menu")).as("the page").isPositive();
        assertThat(files.requests("/menu.jpg")).as("the card's thumbnail").isPositive();
    }

    @Test
    void anAsyncSendIsQueuedAtOnceAndAnnouncedWhenSent() {
        JsonNode queued =
                session.api().call("POST", session.messages() + "?async=true", text(READER, "later", "async"), 202);
        assertThat(queued.get("status").asText()).isEqualTo("queued");
        String messageId = queued.get("message_id").asText();

        session.awaitAnnounced(messageId, "async", Map.of(), "message.sent", "message.delivered");
        assertThat(session.message(messageId).get("wa_message_id").asText()).isNotBlank();
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyAnswersTheFirstOutcomeAndSendsNothing() {
        Map<String, String> key = Map.of("Idempotency-Key", "order-42-shipped");
        Map<String, Object> body = text(READER, "Your order has shipped", "idempotent");

        JsonNode first = session.api().call("POST", session.messages(), body, key, 200);
        JsonNode retry = session.api().call("POST", session.messages(), body, key, 200);

        assertThat(first.get("replayed").asBoolean()).isFalse();
        assertThat(retry.get("replayed").asBoolean()).isTrue();
        assertThat(retry.get("id")).isEqualTo(first.get("id"));
        assertThat(retry.get("wa_message_id")).isEqualTo(first.get("wa_message_id"));
        // A later message's events follow on the session's partition: by then a second send would show.
        String later = session.send(text(READER, "next", "after-idempotent"));
        session.awaitAnnounced(later, "after-idempotent", Map.of(), "message.sent");
        assertThat(receiver.events().stream()
                        .filter(e -> e.at("/data/client_ref").asText().equals("idempotent"))
                        .filter(e -> e.get("type").asText().equals("message.sent")))
                .singleElement()
                .satisfies(e -> assertThat(e.at("/data/message_id").asText())
                        .isEqualTo(first.get("id").asText()));
    }

    // Straight to Kafka

    @Test
    void sendsProducedStraightToKafkaAreSentAnnouncedAndKnownToTheApi() {
        String image = files.serve("/kafka.png", "image/png", MediaFixtures.png());
        List<SendMessage> commands = List.of(
                session.command(READER, "kafka-text", new TextContent("Sent from another service")),
                session.command(READER, "kafka-image", new ImageContent(new MediaRef(null, image), "by URL")),
                session.command(READER, "kafka-poll", new PollContent("Lunch?", List.of("Pizza", "Sushi"), 1)),
                session.command(
                        READER, "kafka-location", new LocationContent(-23.5505, -46.6333, "Praça da Sé", null)));

        commands.forEach(kafka::send);

        for (SendMessage command : commands) {
            String messageId = command.getMessageId();
            session.awaitAnnounced(
                    messageId, command.getClientRef(), Map.of("source", "kafka"), "message.sent", "message.delivered");
            // api-service learns of a message produced straight to Kafka from its first event.
            JsonNode known = session.message(messageId);
            assertThat(known.get("direction").asText()).isEqualTo("outbound");
            assertThat(known.get("client_ref").asText()).isEqualTo(command.getClientRef());
            assertThat(known.get("wa_message_id").asText()).isNotBlank();
        }
        assertThat(files.requests("/kafka.png")).isPositive();
    }

    @Test
    void everyOtherKindProducedStraightToKafkaIsSentAndAnnouncedToo() {
        String clip = session.api().upload("clip.mp4", "video/mp4", MediaFixtures.mp4());
        String report = session.api().upload("r.pdf", "application/pdf", MediaFixtures.pdf());
        String note = files.serve("/kafka-note.mp3", "audio/mpeg", MediaFixtures.mp3());
        String sticker = files.serve("/kafka-sticker.png", "image/png", MediaFixtures.png());
        String vcard = "BEGIN:VCARD\nVERSION:3.0\nFN:Ana\nTEL;waid=5511988887777:+55 11 98888-7777\nEND:VCARD";
        List<SendMessage> media = List.of(
                session.command(READER, "kafka-video", new VideoContent(new MediaRef(clip, null), "clip", false)),
                session.command(READER, "kafka-audio", new AudioContent(new MediaRef(null, note), false)),
                // converted to Ogg/Opus and to WebP on the way, as over HTTP
                session.command(READER, "kafka-voice-note", new AudioContent(new MediaRef(null, note), true)),
                session.command(
                        READER, "kafka-document", new DocumentContent(new MediaRef(report, null), "report.pdf", null)),
                session.command(READER, "kafka-sticker", new StickerContent(new MediaRef(null, sticker))),
                session.command(READER, "kafka-contact", new ContactContent(List.of(new ContactCard(vcard, "Ana")))),
                session.command(READER, "kafka-typo", new TextContent("Teh meeting is at 3")));
        media.forEach(kafka::send);
        media.forEach(command -> session.awaitAnnounced(
                command.getMessageId(),
                command.getClientRef(),
                Map.of("source", "kafka"),
                "message.sent",
                "message.delivered"));

        // Changes to those messages are sends of their own, aimed at them by our id.
        String video = media.getFirst().getMessageId();
        String typo = media.getLast().getMessageId();
        List<SendMessage> changes = List.of(
                session.command(READER, "kafka-reaction", new ReactionContent(video, "👍")),
                session.command(READER, "kafka-edit", new EditContent(typo, "The meeting is at 3")),
                session.command(READER, "kafka-revoke", new RevokeContent(video)));
        changes.forEach(kafka::send);
        changes.forEach(command -> session.awaitAnnounced(
                command.getMessageId(),
                command.getClientRef(),
                Map.of("source", "kafka"),
                "message.sent",
                "message.delivered"));
    }

    @Test
    void aPollWithOneOptionFailsWithTheSameCodeOverKafkaAndHttp() {
        GatewayClient.Answer overHttp = session.trySend(
                Map.of("to", READER, "type", "poll", "question", "Lunch?", "options", List.of("Pizza")));
        SendMessage overKafka =
                session.command(READER, "kafka-bad-poll", new PollContent("Lunch?", List.of("Pizza"), 1));
        SendMessage later = session.command(READER, "after-bad-poll", new TextContent("and now?"));

        kafka.send(overKafka);
        kafka.send(later);

        assertThat(overHttp.status()).as("%s", overHttp.body()).isEqualTo(400);
        assertThat(overHttp.errorCode()).isEqualTo("poll_invalid");
        session.awaitAnnounced(overKafka.getMessageId(), "kafka-bad-poll", Map.of("source", "kafka"), "message.failed");
        assertThat(receiver.eventsFor(overKafka.getMessageId())
                        .getFirst()
                        .at("/data/error/code")
                        .asText())
                .isEqualTo(overHttp.errorCode());
        session.awaitFailedWith(overKafka.getMessageId(), "poll_invalid");
        session.awaitAnnounced(later.getMessageId(), "after-bad-poll", Map.of("source", "kafka"), "message.sent");
    }

    @Test
    void anUndecodableRecordIsDeadLetteredAndLaterSendsStillGoThrough() {
        byte[] garbage = new byte[64];
        new Random(7).nextBytes(garbage);
        SendMessage later = session.command(READER, "after-garbage", new TextContent("still flowing"));

        kafka.produce(session.id(), garbage);
        kafka.send(later);

        session.awaitAnnounced(later.getMessageId(), "after-garbage", Map.of("source", "kafka"), "message.sent");
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(kafka.deadLetters()).anySatisfy(record -> {
                    assertThat(record.key()).isEqualTo(session.id());
                    assertThat(record.value()).isEqualTo(garbage);
                    byte[] reason = record.headers()
                            .lastHeader(Topics.DEAD_LETTER_REASON_HEADER)
                            .value();
                    assertThat(new String(reason, StandardCharsets.UTF_8)).isEqualTo("undecodable");
                }));
    }

    // The SSRF guard, end to end

    /** URLs no fetch may reach: a private, loopback or metadata address, directly, by name or by redirect. */
    Stream<Arguments> forbiddenUrls() {
        String loopback = "http://127.0.0.1:" + loopbackTrap.port() + "/x.png";
        return Stream.of(
                Arguments.of("loopback", loopback),
                Arguments.of("private network", "http://10.0.0.1/x.png"),
                Arguments.of("cloud metadata", "http://169.254.169.254/latest/meta-data"),
                Arguments.of("IPv6 loopback", "http://[::1]:" + ipv6LoopbackTrap.port() + "/x.png"),
                Arguments.of("a name for loopback", "http://localhost:" + loopbackTrap.port() + "/x.png"),
                Arguments.of("a redirect to loopback", files.redirect("/moved.png", loopback)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forbiddenUrls")
    void mediaFromAForbiddenUrlIsRefusedAndNothingIsSent(String what, String url) {
        String clientRef = "ssrf-media-" + what.replace(' ', '-');
        Map<String, Object> image = Map.of("to", READER, "type", "image", "media_url", url, "client_ref", clientRef);

        GatewayClient.Answer refused = session.trySend(image);

        assertThat(refused.status()).as("%s", refused.body()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("url_not_allowed");
        assertThat(refused.body().at("/error/message").asText()).isNotBlank();
        assertNoTrapWasFetched();
        // Nothing lost either: the next send goes through, and no event ever named the refused one.
        String allowed = files.serve("/allowed.png", "image/png", MediaFixtures.png());
        String next = session.send(
                Map.of("to", READER, "type", "image", "media_url", allowed, "client_ref", clientRef + "-then-allowed"));
        session.awaitAnnounced(next, clientRef + "-then-allowed", Map.of(), "message.sent");
        assertThat(session.clientRefsAnnounced()).doesNotContain(clientRef);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forbiddenUrls")
    void aLinkPreviewOfAForbiddenUrlIsNeverFetchedAndTheTextGoesWithoutIt(String what, String url) {
        String clientRef = "ssrf-preview-" + what.replace(' ', '-');

        String messageId = session.send(with(text(READER, "look: " + url, clientRef), "link_preview", true));

        session.awaitAnnounced(messageId, clientRef, Map.of(), "message.sent", "message.delivered");
        assertNoTrapWasFetched();
        // What an operator reads: session-service sent the text without a card, media-service refused one.
        await().atMost(PATIENCE).until(() -> serviceOutput.anyLineContains("no link preview for " + url + ": "));
    }

    private void assertNoTrapWasFetched() {
        assertThat(loopbackTrap.requests()).as("requests to 127.0.0.1").isZero();
        assertThat(ipv6LoopbackTrap.requests()).as("requests to [::1]").isZero();
    }

    private static Map<String, Object> text(String to, String text, String clientRef) {
        return Map.of("to", to, "type", "text", "text", text, "client_ref", clientRef);
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> extended = new HashMap<>(body);
        extended.put(field, value);
        return extended;
    }
}
