package io.wagate.webhook.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.wagate.webhook.error.ApiException;
import io.wagate.webhook.error.ErrorCode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointRequestValidatorTest {

    @Test
    void noEventsMeansEveryEventAndDuplicatesCollapse() {
        assertThat(validate("https://example.com/hook", null).events()).isEmpty();
        assertThat(validate("https://example.com/hook", List.of("message.sent", "session.qr", "message.sent"))
                        .events())
                .containsExactly("message.sent", "session.qr");
    }

    @Test
    void anUnknownEventTypeIsAValidationErrorOnEvents() {
        ApiException error = rejected("https://example.com/hook", List.of("message.sent", "message.sent_typo"));

        assertThat(error.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(error.details()).containsEntry("field", "events");
        assertThat(error.getMessage()).contains("message.sent_typo");
    }

    @Test
    void aNullEventTypeIsAValidationErrorOnEvents() {
        ApiException error = rejected("https://example.com/hook", Arrays.asList("message.sent", null));

        assertThat(error.details()).containsEntry("field", "events");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "example.com/hook",
                "/hook",
                "ftp://example.com/hook",
                "javascript:alert(1)",
                "http:///nohost",
                "https://user:pass@example.com/hook",
                "http://exa mple.com/"
            })
    void aUrlThatIsNotAnAbsoluteHttpUrlIsAValidationErrorOnUrl(String url) {
        ApiException error = rejected(url, null);

        assertThat(error.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(error.details()).containsEntry("field", "url");
    }

    @Test
    void aMissingUrlIsAValidationErrorOnUrl() {
        assertThat(rejected(null, null).details()).containsEntry("field", "url");
    }

    private static EndpointRequestValidator.ValidRequest validate(String url, List<String> events) {
        return EndpointRequestValidator.validate(new CreateWebhookRequest(url, events, null));
    }

    private static ApiException rejected(String url, List<String> events) {
        return catchThrowableOfType(ApiException.class, () -> validate(url, events));
    }
}
