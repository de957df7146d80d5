package io.wagate.api.sending;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.wagate.api.support.ApiTestBase;
import io.wagate.api.support.MediaServiceContractStub.Refusal;
import io.wagate.schemas.v1.AudioContent;
import io.wagate.schemas.v1.ContactContent;
import io.wagate.schemas.v1.DocumentContent;
import io.wagate.schemas.v1.ImageContent;
import io.wagate.schemas.v1.LocationContent;
import io.wagate.schemas.v1.PollContent;
import io.wagate.schemas.v1.ReactionContent;
import io.wagate.schemas.v1.SendMessage;
import io.wagate.schemas.v1.StickerContent;
import io.wagate.schemas.v1.TextContent;
import io.wagate.schemas.v1.VideoContent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every type is accepted and queued as the SendMessage session-service expects; every refusal has its code. */
@MicronautTest(transactional = false)
class SendEveryKindIT extends ApiTestBase {

    private static final String TO = "5511999999999";

    @Test
    void aTextWithEveryOptionIsQueuedAsOneSendMessage() {
        // Given
        String key = newOrganizationKey("Texter");
        String sessionId = connectedSession(key);

        // When
        var reply = sendAsync(
                key,
                sessionId,
                Map.of(
                        "to",
                        "120363025246125486@g.us",
                        "type",
                        "text",
                        "text",
                        "see https://wagate.dev @5511988887777",
                        "reply_to",
                        "3EB0QUOTED",
                        "mentions",
                        List.of("5511988887777"),
                        "mention_all",
                        true,
                        "delay",
                        2,
                        "link_preview",
                        true,
                        "client_ref",
                        "order-42",
                        "metadata",
                        Map.of("k", "v")));

        // Then
        assertThat(reply.status()).isEqualTo(202);
        String messageId = reply.text("/id");
        assertThat(messageId).startsWith("msg_");
        assertThat(reply.text("/message_id")).isEqualTo(messageId);
        assertThat(reply.text("/status")).isEqualTo("queued");
        assertThat(reply.body().get("pending").asBoolean()).isFalse();
        SendMessage send = onlySendOf(sessionId);
        assertThat(send.getMessageId()).isEqualTo(messageId);
        assertThat(send.getOrganizationId()).isEqualTo(organizationOf(key));
        assertThat(send.getTo()).isEqualTo("120363025246125486@g.us");
        assertThat(send.getClientRef()).isEqualTo("order-42");
        assertThat(send.getMetadata()).containsExactly(Map.entry("k", "v"));
        assertThat(send.getContent())
                .isEqualTo(TextContent.newBuilder()
                        .setText("see https://wagate.dev @5511988887777")
                        .build());
        var options = send.getOptions();
        assertThat(options.getReplyTo()).isEqualTo("3EB0QUOTED");
        assertThat(options.getMentions()).containsExactly("5511988887777@s.whatsapp.net");
        assertThat(options.getMentionAll()).isTrue();
        assertThat(options.getDelaySeconds()).isEqualTo(2);
        assertThat(options.getLinkPreview()).isTrue();
        assertThat(options.getReplyPrivate()).isFalse();
    }

    @Test
    void mediaIsPreparedByMediaServiceAndOnlyItsIdIsQueued() {
        // Given
        String key = newOrganizationKey("Photographer");
        String org = organizationOf(key);
        String sessionId = connectedSession(key);
        mediaService.knowsUpload("med_01JUPLOADEDBEFORE000000000");

        // When
        var image = sendAsync(
                key,
                sessionId,
                Map.of("to", TO, "type", "image", "media_url", "https://cdn.example.com/cat.jpg", "caption", "cat"));
        var video = sendAsync(
                key,
                sessionId,
                Map.of("to", TO, "type", "video", "media_id", "med_01JUPLOADEDBEFORE000000000", "gif_playback", true));
        var voice = sendAsync(
                key,
                sessionId,
                Map.of(
                        "to",
                        TO,
                        "type",
                        "audio",
                        "media_base64",
                        "T2dnUwACAAAAAAAA",
                        "voice_note",
                        true,
                        "mimetype",
                        "audio/ogg"));
        var document = sendAsync(
                key,
                sessionId,
                Map.of(
                        "to",
                        TO,
                        "type",
                        "document",
                        "media_url",
                        "https://cdn.example.com/i.pdf",
                        "filename",
                        "invoice.pdf"));
        var sticker =
                sendAsync(key, sessionId, Map.of("to", TO, "type", "sticker", "media_base64", "UklGRgAAAABXRUJQ"));

        // Then
        assertThat(List.of(image, video, voice, document, sticker)).allMatch(reply -> reply.status() == 202);
        List<SendMessage> sends = sendsOf(sessionId);
        assertThat(sends).hasSize(5);
        assertThat(sends.get(0).getContent()).isInstanceOfSatisfying(ImageContent.class, content -> {
            assertThat(content.getMedia().getMediaId()).startsWith("med_");
            assertThat(content.getMedia().getUrl()).isNull();
            assertThat(content.getCaption()).isEqualTo("cat");
        });
        assertThat(sends.get(1).getContent()).isInstanceOfSatisfying(VideoContent.class, content -> {
            assertThat(content.getMedia().getMediaId()).isEqualTo("med_01JUPLOADEDBEFORE000000000");
            assertThat(content.getGifPlayback()).isTrue();
        });
        assertThat(sends.get(2).getContent()).isInstanceOfSatisfying(AudioContent.class, content -> {
            assertThat(content.getMedia().getMediaId()).startsWith("med_");
            assertThat(content.getVoiceNote()).isTrue();
        });
        assertThat(sends.get(3).getContent())
                .isInstanceOfSatisfying(DocumentContent.class, content -> assertThat(content.getFilename())
                        .isEqualTo("invoice.pdf"));
        assertThat(sends.get(4).getContent()).isInstanceOf(StickerContent.class);
        assertThat(mediaService.requests())
                .filteredOn(request -> request.path("organization_id").asText().equals(org))
                .extracting(request -> request.path("kind").asText())
                .containsExactly("image", "video", "voice_note", "document", "sticker");
        assertThat(mediaService.requests())
                .filteredOn(request -> request.path("kind").asText().equals("voice_note"))
                .singleElement()
                .satisfies(request -> {
                    assertThat(request.path("base64").asText()).isEqualTo("T2dnUwACAAAAAAAA");
                    assertThat(request.path("mimetype").asText()).isEqualTo("audio/ogg");
                });
    }

    @Test
    void locationContactPollAndReactionAreQueuedAsTheirContent() {
        // Given
        String key = newOrganizationKey("Everything else");
        String sessionId = connectedSession(key);

        // When
        var location = sendAsync(
                key,
                sessionId,
                Map.of(
                        "to",
                        TO,
                        "type",
                        "location",
                        "latitude",
                        -23.5505,
                        "longitude",
                        -46.6333,
                        "name",
                        "Praça da Sé"));
        var contact = sendAsync(
                key,
                sessionId,
                Map.of(
                        "to",
                        TO,
                        "type",
                        "contact",
                        "contacts",
                        List.of(Map.of("name", "Ana", "phones", List.of("5511988887777")))));
        var poll = sendAsync(
                key,
                sessionId,
                Map.of("to", TO, "type", "poll", "question", "Lunch?", "options", List.of("Pizza", "Sushi", "Salad")));
        var reaction = sendAsync(
                key, sessionId, Map.of("to", TO, "type", "reaction", "message_id", "3EB0TARGET", "emoji", "👍"));

        // Then
        assertThat(List.of(location, contact, poll, reaction)).allMatch(reply -> reply.status() == 202);
        List<SendMessage> sends = sendsOf(sessionId);
        assertThat(sends.get(0).getContent())
                .isEqualTo(LocationContent.newBuilder()
                        .setLatitude(-23.5505)
                        .setLongitude(-46.6333)
                        .setName("Praça da Sé")
                        .build());
        assertThat(sends.get(1).getContent()).isInstanceOfSatisfying(ContactContent.class, content -> {
            assertThat(content.getContacts()).hasSize(1);
            assertThat(content.getContacts().getFirst().getDisplayName()).isEqualTo("Ana");
            assertThat(content.getContacts().getFirst().getVcard()).contains("waid=5511988887777");
        });
        assertThat(sends.get(2).getContent())
                .isEqualTo(PollContent.newBuilder()
                        .setQuestion("Lunch?")
                        .setOptions(List.of("Pizza", "Sushi", "Salad"))
                        .setSelectableCount(1)
                        .build());
        assertThat(sends.get(3).getContent())
                .isEqualTo(ReactionContent.newBuilder()
                        .setTargetMessageId("3EB0TARGET")
                        .setEmoji("👍")
                        .build());
        assertThat(api.get("/v1/sessions/" + sessionId + "/messages/" + poll.text("/id"), key)
                        .text("/type"))
                .isEqualTo("poll");
    }

    @Test
    void mediaServiceRefusalsPassThroughWithTheirStatusAndCode() {
        // Given
        String key = newOrganizationKey("Unlucky");
        String sessionId = connectedSession(key);
        mediaService
                .refuses("https://cdn.example.com/huge.mp4", new Refusal(413, "media_too_large", "video over 16 MB"))
                .refuses("https://cdn.example.com/a.exe", new Refusal(415, "unsupported_media_type", "not an image"))
                .refuses("http://169.254.169.254/latest", new Refusal(400, "url_not_allowed", "link-local address"))
                .refuses("https://gone.example.com/x.jpg", new Refusal(422, "media_fetch_failed", "answered 404"));

        // When
        var tooLarge = sendAsync(
                key, sessionId, Map.of("to", TO, "type", "video", "media_url", "https://cdn.example.com/huge.mp4"));
        var wrongType = sendAsync(
                key, sessionId, Map.of("to", TO, "type", "image", "media_url", "https://cdn.example.com/a.exe"));
        var ssrf = sendAsync(
                key, sessionId, Map.of("to", TO, "type", "image", "media_url", "http://169.254.169.254/latest"));
        var unfetchable = sendAsync(
                key, sessionId, Map.of("to", TO, "type", "image", "media_url", "https://gone.example.com/x.jpg"));
        var unknown = sendAsync(
                key, sessionId, Map.of("to", TO, "type", "image", "media_id", "med_01JNEVERUPLOADED00000000"));

        // Then
        assertThat(List.of(tooLarge, wrongType, ssrf, unfetchable, unknown))
                .extracting(reply -> reply.status() + " " + reply.errorCode())
                .containsExactly(
                        "413 media_too_large",
                        "415 unsupported_media_type",
                        "400 url_not_allowed",
                        "422 media_fetch_failed",
                        "404 media_not_found");
        assertThat(tooLarge.text("/error/message")).isEqualTo("video over 16 MB");
        assertThat(sendsOf(sessionId)).isEmpty();
        assertThat(api.get("/v1/sessions/" + sessionId + "/messages", key)
                        .body()
                        .get("data"))
                .isEmpty();
    }

    @Test
    void eachRefusalOfABodyHasItsOwnCodeAndNothingIsQueued() {
        // Given
        String key = newOrganizationKey("Sloppy");
        String sessionId = connectedSession(key);

        // When
        var unknownType = sendAsync(key, sessionId, Map.of("to", TO, "type", "carrier_pigeon"));
        var noText = sendAsync(key, sessionId, Map.of("to", TO, "type", "text"));
        var strayField = sendAsync(key, sessionId, Map.of("to", TO, "type", "text", "text", "x", "caption", "y"));
        var badNumber = sendAsync(key, sessionId, Map.of("to", "12345", "type", "text", "text", "x"));
        var badJid = sendAsync(key, sessionId, Map.of("to", "abc@g.us", "type", "text", "text", "x"));
        var mentionsInADm = sendAsync(
                key, sessionId, Map.of("to", TO, "type", "text", "text", "x", "mentions", List.of("5511988887777")));
        var privateReplyInADm = sendAsync(
                key,
                sessionId,
                Map.of("to", TO, "type", "text", "text", "x", "reply_to", "msg_1", "reply_private", true));
        var badMetadata =
                sendAsync(key, sessionId, Map.of("to", TO, "type", "text", "text", "x", "metadata", Map.of("k", 1)));
        var badAsync = api.post(
                "/v1/sessions/" + sessionId + "/messages?async=maybe",
                key,
                Map.of("to", TO, "type", "text", "text", "x"));

        // Then
        assertThat(unknownType.text("/error/details/field")).isEqualTo("type");
        assertThat(unknownType.text("/error/message")).contains("supported types: text, image");
        assertThat(noText.text("/error/details/field")).isEqualTo("text");
        assertThat(strayField.text("/error/details/field")).isEqualTo("caption");
        assertThat(List.of(unknownType, noText, strayField, badMetadata, badAsync))
                .allSatisfy(reply -> {
                    assertThat(reply.status()).isEqualTo(400);
                    assertThat(reply.errorCode()).isEqualTo("validation_error");
                });
        assertThat(badNumber.errorCode()).isEqualTo("invalid_phone_number");
        assertThat(badJid.errorCode()).isEqualTo("invalid_recipient");
        assertThat(badJid.text("/error/details/field")).isEqualTo("to");
        assertThat(mentionsInADm.errorCode()).isEqualTo("mentions_not_supported");
        assertThat(privateReplyInADm.errorCode()).isEqualTo("private_reply_failed");
        assertThat(List.of(badNumber, badJid, mentionsInADm, privateReplyInADm))
                .allMatch(reply -> reply.status() == 400);
        assertThat(sendsOf(sessionId)).isEmpty();
    }

    @Test
    void aReplyOrReactionToAnotherSessionsMessageIsRefused() {
        // Given
        String key = newOrganizationKey("Two phones");
        String first = connectedSession(key);
        String second = connectedSession(key);
        String firstsMessage = sendAsync(key, first, Map.of("to", TO, "type", "text", "text", "hi"))
                .text("/id");

        // When
        var reply = sendAsync(key, second, Map.of("to", TO, "type", "text", "text", "re", "reply_to", firstsMessage));
        var reaction = sendAsync(
                key, second, Map.of("to", TO, "type", "reaction", "message_id", firstsMessage, "emoji", "👍"));

        // Then
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("reply_message_not_found");
        assertThat(reply.text("/error/details/field")).isEqualTo("reply_to");
        assertThat(reaction.errorCode()).isEqualTo("reaction_target_not_found");
        assertThat(sendsOf(second)).isEmpty();
    }

    @Test
    void sendingBeforeTheSessionIsConnectedIsRefusedWithItsStatus() {
        String key = newOrganizationKey("Impatient");
        String sessionId = newSession(key);

        var reply = sendAsync(key, sessionId, Map.of("to", TO, "type", "text", "text", "hi"));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.errorCode()).isEqualTo("not_connected");
        assertThat(reply.text("/error/details/status")).isEqualTo("pending");
        assertThat(sendsOf(sessionId)).isEmpty();
    }

    @Test
    void anotherOrganizationCannotSendWithASession() {
        String owner = newOrganizationKey("Session owner");
        String outsider = newOrganizationKey("Session outsider");
        String sessionId = connectedSession(owner);

        var reply = sendAsync(outsider, sessionId, Map.of("to", TO, "type", "text", "text", "hi"));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo("not_found");
        assertThat(sendsOf(sessionId)).isEmpty();
    }

    @Test
    void aCUsRecipientIsSentToItsSWhatsAppNetJid() {
        String key = newOrganizationKey("Alias");
        String sessionId = connectedSession(key);

        var reply = sendAsync(key, sessionId, Map.of("to", "5511999999999@c.us", "type", "text", "text", "hi"));

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.body().get("client_ref").isNull()).isTrue();
        assertThat(onlySendOf(sessionId).getTo()).isEqualTo("5511999999999@s.whatsapp.net");
    }

    private io.wagate.api.support.ApiClient.Reply sendAsync(String key, String sessionId, Map<String, Object> body) {
        return api.post("/v1/sessions/" + sessionId + "/messages?async=true", key, new HashMap<>(body));
    }

    private List<SendMessage> sendsOf(String sessionId) {
        return topics.commandsFor(sessionId).stream()
                .filter(SendMessage.class::isInstance)
                .map(SendMessage.class::cast)
                .toList();
    }

    private SendMessage onlySendOf(String sessionId) {
        List<SendMessage> sends = sendsOf(sessionId);
        assertThat(sends).hasSize(1);
        return sends.getFirst();
    }
}
