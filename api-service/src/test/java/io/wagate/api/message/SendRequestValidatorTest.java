package io.wagate.api.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.json.tree.JsonNode;
import io.wagate.api.error.ApiError;
import io.wagate.api.error.ApiException;
import io.wagate.api.error.FieldError;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
        assertRefused(with("type", "image"), "type", "supported types: text");
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
            default -> throw new IllegalArgumentException(value.toString());
        };
    }
}
