package io.wagate.api.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.json.tree.JsonNode;
import io.wagate.api.error.ApiError;
import io.wagate.api.error.ApiException;
import io.wagate.api.error.FieldError;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class SendRequestValidatorTest {

    @Test
    void aCompleteTextSendIsAcceptedWithItsRecipientNormalized() {
        // Given
        var body = validBody();

        // When
        SendRequest request = SendRequestValidator.validate(json(body));

        // Then
        assertThat(request.recipient()).isEqualTo("5511999999999@s.whatsapp.net");
        assertThat(request.content()).isEqualTo(new MessageContent.Text("hi"));
        assertThat(request.clientRef()).isEqualTo("order-42");
        assertThat(request.metadata()).containsExactly(Map.entry("k", "v"));
    }

    @Test
    void clientRefAndMetadataAreOptional() {
        // Given
        var body = Map.<String, Object>of("to", "5511999999999", "type", "text", "text", "hi");

        // When
        SendRequest request = SendRequestValidator.validate(json(body));

        // Then
        assertThat(request.clientRef()).isNull();
        assertThat(request.metadata()).isEmpty();
    }

    @Test
    void aMissingTypeIsRefusedNamingType() {
        assertRefused(without("type"), "type", "is required");
    }

    @Test
    void anUnsupportedTypeIsRefusedListingTheSupportedTypes() {
        assertRefused(
                with("type", "carrier_pigeon"),
                "type",
                "supported types: text, image, video, audio, document, sticker, location, contact, poll, reaction");
    }

    @Test
    void aMissingToIsRefusedNamingTo() {
        assertRefused(without("to"), "to", "is required");
    }

    @Test
    void aToThatIsNotAStringIsRefusedNamingTo() {
        assertRefused(with("to", 5511999999999L), "to", "must be a string");
    }

    @Test
    void aMissingTextIsRefusedNamingText() {
        assertRefused(without("text"), "text", "is required");
    }

    @Test
    void anEmptyTextIsRefused() {
        assertRefused(with("text", ""), "text", "must not be empty");
    }

    @Test
    void aTextOfMoreThan65536CharactersIsRefusedButExactly65536IsAccepted() {
        assertThat(SendRequestValidator.validate(json(with("text", "a".repeat(65_536)))))
                .isNotNull();
        assertRefused(with("text", "a".repeat(65_537)), "text", "at most 65536");
    }

    @Test
    void aClientRefOfMoreThan256CharactersIsRefused() {
        assertRefused(with("client_ref", "r".repeat(257)), "client_ref", "at most 256");
    }

    @Test
    void metadataWithMoreThan20EntriesIsRefused() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        for (int i = 0; i < 21; i++) {
            metadata.put("k" + i, "v");
        }
        assertRefused(with("metadata", metadata), "metadata", "at most 20 entries");
    }

    @Test
    void metadataKeysLongerThan64CharactersAreRefused() {
        assertRefused(with("metadata", Map.of("k".repeat(65), "v")), "metadata", "keys must be 1 to 64");
    }

    @Test
    void metadataValuesLongerThan512CharactersAreRefused() {
        assertRefused(with("metadata", Map.of("k", "v".repeat(513))), "metadata", "at most 512");
    }

    @Test
    void metadataValuesMustBeStrings() {
        assertRefused(with("metadata", Map.of("k", 1)), "metadata", "must be a string");
    }

    @Test
    void metadataMustBeAnObject() {
        assertRefused(with("metadata", "k=v"), "metadata", "must be an object");
    }

    @Test
    void everyRefusedFieldIsListedAndTheFirstIsNamed() {
        // Given
        var body = Map.<String, Object>of("type", "text", "client_ref", "r".repeat(300));

        // When / Then
        assertThatThrownBy(() -> SendRequestValidator.validate(json(body)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    var error = (ApiError.ValidationError) e.error();
                    assertThat(error.errors())
                            .extracting(FieldError::field)
                            .containsExactly("to", "text", "client_ref");
                    assertThat(error.details()).containsEntry("field", "to");
                });
    }

    @Test
    void aValidBodyWithABadRecipientIsAnInvalidPhoneNumber() {
        assertThatThrownBy(() -> SendRequestValidator.validate(json(with("to", "12ab"))))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.error()).isInstanceOf(ApiError.InvalidPhoneNumber.class));
    }

    @Test
    void eachMediaTypeTakesExactlyOneSourceAndItsOwnFields() {
        // When
        var image = validate(Map.of(
                "to",
                "5511999999999",
                "type",
                "image",
                "media_url",
                "https://cdn.example.com/a.jpg",
                "caption",
                "look"));
        var video =
                validate(Map.of("to", "5511999999999", "type", "video", "media_id", "med_01J", "gif_playback", true));
        var voice = validate(
                Map.of("to", "5511999999999", "type", "audio", "media_base64", "T2dnUw==", "voice_note", true));
        var document = validate(Map.of(
                "to",
                "5511999999999",
                "type",
                "document",
                "media_url",
                "https://x.example/i.pdf",
                "filename",
                "i.pdf"));
        var sticker = validate(Map.of("to", "5511999999999", "type", "sticker", "media_id", "med_01K"));

        // Then
        assertThat(image.content())
                .isEqualTo(new MessageContent.Image(
                        new MediaSource.Url("https://cdn.example.com/a.jpg", null, null), "look"));
        assertThat(video.content())
                .isEqualTo(new MessageContent.Video(new MediaSource.Upload("med_01J", null, null), null, true));
        assertThat(((MessageContent.Audio) voice.content()).mediaKind()).isEqualTo("voice_note");
        assertThat(voice.content().toString()).doesNotContain("T2dnUw==");
        assertThat(((MessageContent.Document) document.content()).filename()).isEqualTo("i.pdf");
        assertThat(sticker.content().type()).isEqualTo("sticker");
    }

    @Test
    void mediaNeedsExactlyOneSource() {
        assertRefused(Map.of("to", "5511999999999", "type", "image"), "media_url", "exactly one");
        assertRefused(
                Map.of(
                        "to",
                        "5511999999999",
                        "type",
                        "image",
                        "media_url",
                        "https://a.example/x.png",
                        "media_id",
                        "med_1"),
                "media_id",
                "exactly one");
        assertRefused(
                Map.of("to", "5511999999999", "type", "image", "media_url", "ftp://a.example/x.png"),
                "media_url",
                "http");
        assertRefused(Map.of("to", "5511999999999", "type", "image", "media_id", "x1"), "media_id", "med_");
    }

    @Test
    void aFieldTheTypeDoesNotReadIsRefused() {
        assertRefused(with("caption", "no caption on text"), "caption", "is not a field of a text message");
        assertRefused(
                Map.of("to", "5511999999999", "type", "sticker", "media_id", "med_1", "caption", "x"),
                "caption",
                "not a field of a sticker message");
    }

    @Test
    void aLocationNeedsCoordinatesInRange() {
        var location = validate(Map.of(
                "to", "5511999999999", "type", "location", "latitude", -23.5505, "longitude", -46.6333, "name", "Sé"));
        assertThat(location.content()).isEqualTo(new MessageContent.Location(-23.5505, -46.6333, "Sé", null));
        assertRefused(
                Map.of("to", "5511999999999", "type", "location", "latitude", 91.0, "longitude", 0.0),
                "latitude",
                "from -90");
        assertRefused(Map.of("to", "5511999999999", "type", "location", "latitude", 1.0), "longitude", "is required");
    }

    @Test
    void aContactIsAVCardOrANameWithPhonesBuiltIntoOne() {
        var contact = validate(Map.of(
                "to",
                "5511999999999",
                "type",
                "contact",
                "contacts",
                List.of(
                        Map.of("name", "Ana; Souza", "phones", List.of("5511988887777")),
                        Map.of("vcard", "BEGIN:VCARD\nVERSION:3.0\nFN:Bo\nEND:VCARD", "display_name", "Bo"))));

        var cards = ((MessageContent.Contacts) contact.content()).contacts();
        assertThat(cards).hasSize(2);
        assertThat(cards.getFirst().vcard())
                .startsWith("BEGIN:VCARD\r\nVERSION:3.0\r\n")
                .contains("FN:Ana\\; Souza")
                .contains("TEL;type=CELL;type=VOICE;waid=5511988887777:+55 11 98888-7777")
                .endsWith("END:VCARD");
        assertThat(cards.getFirst().displayName()).isEqualTo("Ana; Souza");
        assertThat(cards.get(1).displayName()).isEqualTo("Bo");
    }

    @Test
    void aContactWithoutNumbersOrWithABadVCardIsRefused() {
        assertRefused(
                Map.of(
                        "to",
                        "5511999999999",
                        "type",
                        "contact",
                        "contacts",
                        List.of(Map.of("name", "Ana", "phones", List.of("12")))),
                "contacts[0].phones[0]",
                "phone number");
        assertRefused(
                Map.of("to", "5511999999999", "type", "contact", "contacts", List.of(Map.of("vcard", "hello"))),
                "contacts[0].vcard",
                "BEGIN:VCARD");
        assertRefused(Map.of("to", "5511999999999", "type", "contact", "contacts", List.of()), "contacts", "1 to 20");
    }

    @Test
    void aPollNeedsTwoToTwelveDistinctOptionsAndASelectableCountWithinThem() {
        var poll = validate(poll(List.of("Pizza", "Sushi"), 2));
        assertThat(poll.content()).isEqualTo(new MessageContent.Poll("Lunch?", List.of("Pizza", "Sushi"), 2));
        assertPollInvalid(poll(List.of("only"), 1), "options", "2 to 12");
        assertPollInvalid(poll(List.of(), 1), "options", "2 to 12");
        assertPollInvalid(
                poll(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m"), 1),
                "options",
                "2 to 12");
        assertPollInvalid(poll(List.of("a", "a"), 1), "options", "distinct");
        assertPollInvalid(poll(List.of("a", "b"), 3), "selectable_count", "at most the number of options");
    }

    @Test
    void aPollWhoseFieldsAreMalformedIsAValidationErrorNotAnInvalidPoll() {
        assertRefused(
                Map.of("to", "5511999999999", "type", "poll", "question", "Q", "options", "Pizza"),
                "options",
                "must be an array");
        assertRefused(
                Map.of("to", "5511999999999", "type", "poll", "question", "Q", "options", List.of("a", 2)),
                "options[1]",
                "must be a string");
        assertRefused(
                Map.of("to", "5511999999999", "type", "poll", "options", List.of("only")), "question", "is required");
    }

    @Test
    void aReactionIsOneEmojiOrEmptyToRemoveIt() {
        var thumbs =
                validate(Map.of("to", "5511999999999", "type", "reaction", "message_id", "msg_01J", "emoji", "👍🏽"));
        var removed = validate(Map.of("to", "5511999999999", "type", "reaction", "message_id", "msg_01J", "emoji", ""));
        var family =
                validate(Map.of("to", "5511999999999", "type", "reaction", "message_id", "3EB0X", "emoji", "👨‍👩‍👧"));

        assertThat(thumbs.content()).isEqualTo(new MessageContent.Reaction("msg_01J", "👍🏽"));
        assertThat(removed.content()).isEqualTo(new MessageContent.Reaction("msg_01J", ""));
        assertThat(family.content().targetMessageId()).isEqualTo("3EB0X");
        assertRefused(
                Map.of("to", "5511999999999", "type", "reaction", "message_id", "msg_01J", "emoji", "ok"),
                "emoji",
                "one emoji");
        assertRefused(
                Map.of(
                        "to",
                        "5511999999999",
                        "type",
                        "reaction",
                        "message_id",
                        "msg_01J",
                        "emoji",
                        "👍",
                        "reply_to",
                        "msg_1"),
                "reply_to",
                "not a field of a reaction message");
    }

    @Test
    void optionsAreReadAndMentionsNormalizedForAGroup() {
        var request = validate(Map.of(
                "to",
                "120363025246125486@g.us",
                "type",
                "text",
                "text",
                "hi @5511988887777",
                "reply_to",
                "msg_01J",
                "reply_private",
                true,
                "mentions",
                List.of("5511988887777", "123456789012345@lid"),
                "mention_all",
                true,
                "delay",
                3,
                "link_preview",
                true));

        assertThat(request.options())
                .isEqualTo(new SendOptions(
                        "msg_01J",
                        true,
                        List.of("5511988887777@s.whatsapp.net", "123456789012345@lid"),
                        true,
                        3,
                        true));
    }

    @Test
    void mentionsOutsideAGroupAreNotSupported() {
        assertRefusedWith(with("mentions", List.of("5511988887777")), ApiError.MentionsNotSupported.class);
        assertRefusedWith(with("mention_all", true), ApiError.MentionsNotSupported.class);
    }

    @Test
    void aPrivateReplyNeedsAGroupAndAMessageToAnswer() {
        assertRefused(with("reply_private", true), "reply_private", "needs reply_to");
        var body = with("reply_private", true);
        body.put("reply_to", "msg_01J");
        assertRefusedWith(body, ApiError.PrivateReplyFailed.class);
    }

    @Test
    void aDelayIsZeroToSixtyWholeSeconds() {
        assertThat(validate(with("delay", 60)).options().delaySeconds()).isEqualTo(60);
        assertRefused(with("delay", 61), "delay", "from 0 to 60");
        assertRefused(with("delay", 1.5), "delay", "whole number");
    }

    @Test
    void aMalformedMentionIsAnInvalidRecipientNamingIt() {
        var body = with("to", "120363025246125486@g.us");
        body.put("mentions", List.of("5511988887777", "abc@lid"));
        assertThatThrownBy(() -> SendRequestValidator.validate(json(body)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.error()).isInstanceOf(ApiError.InvalidRecipient.class);
                    assertThat(e.error().details()).containsEntry("field", "mentions[1]");
                });
    }

    @Test
    void anEditTakesTextAndItsOwnClientRefOnly() {
        var edit = EditRequest.validate(json(Map.of("text", "fixed", "client_ref", "r1")));
        assertThat(edit).isEqualTo(new EditRequest("fixed", "r1", Map.of()));
        assertThatThrownBy(() -> EditRequest.validate(json(Map.of("text", "x", "to", "5511999999999"))))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.error().details()).containsEntry("field", "to"));
    }

    private static SendRequest validate(Map<String, Object> body) {
        return SendRequestValidator.validate(json(body));
    }

    private static void assertRefusedWith(Map<String, Object> body, Class<? extends ApiError> error) {
        assertThatThrownBy(() -> SendRequestValidator.validate(json(body)))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.error()).isInstanceOf(error));
    }

    @Test
    void aBodyThatIsNotAnObjectIsInvalidJson() {
        assertThatThrownBy(() -> SendRequestValidator.validate(JsonNode.createStringNode("hi")))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.error()).isInstanceOf(ApiError.InvalidJson.class));
    }

    private static void assertRefused(Map<String, Object> body, String field, String messagePart) {
        ThrowingCallable validation = () -> SendRequestValidator.validate(json(body));
        assertThatThrownBy(validation).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.error()).isInstanceOf(ApiError.ValidationError.class);
            var error = (ApiError.ValidationError) e.error();
            assertThat(error.details()).containsEntry("field", field);
            assertThat(error.errors().getFirst().message()).contains(messagePart);
        });
    }

    private static void assertPollInvalid(Map<String, Object> body, String field, String messagePart) {
        assertThatThrownBy(() -> SendRequestValidator.validate(json(body)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.error()).isInstanceOf(ApiError.PollInvalid.class);
                    assertThat(e.error().code()).isEqualTo("poll_invalid");
                    assertThat(e.error().httpStatus().getCode()).isEqualTo(400);
                    assertThat(e.error().details()).containsEntry("field", field);
                    assertThat(e.error().message()).contains(messagePart);
                });
    }

    private static Map<String, Object> poll(List<String> options, int selectableCount) {
        return Map.of(
                "to",
                "5511999999999",
                "type",
                "poll",
                "question",
                "Lunch?",
                "options",
                options,
                "selectable_count",
                selectableCount);
    }

    private static Map<String, Object> validBody() {
        Map<String, Object> body = new HashMap<>();
        body.put("to", "5511999999999");
        body.put("type", "text");
        body.put("text", "hi");
        body.put("client_ref", "order-42");
        body.put("metadata", Map.of("k", "v"));
        return body;
    }

    private static Map<String, Object> with(String field, Object value) {
        var body = validBody();
        body.put(field, value);
        return body;
    }

    private static Map<String, Object> without(String field) {
        var body = validBody();
        body.remove(field);
        return body;
    }

    private static JsonNode json(Object value) {
        return switch (value) {
            case Map<?, ?> map -> {
                Map<String, JsonNode> nodes = new LinkedHashMap<>();
                map.forEach((k, v) -> nodes.put((String) k, json(v)));
                yield JsonNode.createObjectNode(nodes);
            }
            case String s -> JsonNode.createStringNode(s);
            case Integer i -> JsonNode.createNumberNode(i);
            case Long l -> JsonNode.createNumberNode(l);
            case Double d -> JsonNode.createNumberNode(d);
            case Boolean b -> JsonNode.createBooleanNode(b);
            case List<?> list ->
                JsonNode.createArrayNode(
                        list.stream().map(SendRequestValidatorTest::json).toList());
            default -> throw new IllegalArgumentException(value.toString());
        };
    }
}
