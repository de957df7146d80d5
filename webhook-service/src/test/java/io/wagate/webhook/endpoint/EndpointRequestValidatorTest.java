package io.wagate.webhook.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.wagate.webhook.error.ApiException;
import io.wagate.webhook.error.ErrorCode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    @Test
    void aWebhookIsEnabledBestEffortUnlimitedAndForEverySessionUnlessToldOtherwise() {
        EndpointSettings settings = validate("https://example.com/hook", null);

        assertThat(settings.enabled()).isTrue();
        assertThat(settings.ordering()).isEqualTo(EndpointOrdering.BEST_EFFORT);
        assertThat(settings.rateLimit()).isNull();
        assertThat(settings.sessionIds()).isEmpty();
    }

    @Test
    void everySettingIsTakenWhenValid() {
        EndpointSettings settings = EndpointRequestValidator.validate(new CreateWebhookRequest(
                "https://example.com/hook",
                List.of("message.sent", "webhook.endpoint.disabled"),
                "CRM",
                List.of("sess_01JD7Q0A1B2C3D4E5F6G7H8J9K"),
                false,
                50,
                "fifo"));

        assertThat(settings.events()).containsExactly("message.sent", "webhook.endpoint.disabled");
        assertThat(settings.sessionIds()).containsExactly("sess_01JD7Q0A1B2C3D4E5F6G7H8J9K");
        assertThat(settings.enabled()).isFalse();
        assertThat(settings.rateLimit()).isEqualTo(50);
        assertThat(settings.ordering()).isEqualTo(EndpointOrdering.FIFO);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 10_001})
    void aRateLimitOutOfRangeIsAValidationErrorOnRateLimit(int rateLimit) {
        ApiException error = catchThrowableOfType(
                ApiException.class,
                () -> EndpointRequestValidator.validate(
                        new CreateWebhookRequest("https://example.com/hook", null, null, null, null, rateLimit, null)));

        assertThat(error.details()).containsEntry("field", "rate_limit");
    }

    @Test
    void anUnknownOrderingOrAMalformedSessionIdIsAValidationErrorOnItsField() {
        assertThat(catchThrowableOfType(
                                ApiException.class,
                                () -> EndpointRequestValidator.validate(new CreateWebhookRequest(
                                        "https://example.com/hook", null, null, null, null, null, "strict")))
                        .details())
                .containsEntry("field", "ordering");
        assertThat(catchThrowableOfType(
                                ApiException.class,
                                () -> EndpointRequestValidator.validate(new CreateWebhookRequest(
                                        "https://example.com/hook", null, null, List.of("org_1"), null, null, null)))
                        .details())
                .containsEntry("field", "session_ids");
    }

    @Test
    void aPatchChangesTheFieldsItNamesAndNullResetsThemToTheirDefault() {
        // Given a webhook with a description, a rate limit and FIFO ordering
        EndpointSettings current = EndpointRequestValidator.validate(new CreateWebhookRequest(
                "https://example.com/hook", List.of("message.sent"), "CRM", null, true, 10, "fifo"));
        Map<String, Object> patch = new HashMap<>();
        patch.put("description", null);
        patch.put("rate_limit", null);
        patch.put("enabled", false);

        // When a patch clears the description and the rate limit and disables it
        EndpointSettings patched = EndpointRequestValidator.patch(current, patch);

        // Then those changed, and what it did not name stayed
        assertThat(patched.description()).isNull();
        assertThat(patched.rateLimit()).isNull();
        assertThat(patched.enabled()).isFalse();
        assertThat(patched.url()).isEqualTo(current.url());
        assertThat(patched.events()).containsExactly("message.sent");
        assertThat(patched.ordering()).isEqualTo(EndpointOrdering.FIFO);
    }

    @Test
    void aPatchNamingAnUnknownFieldOrAWrongTypeIsAValidationErrorOnThatField() {
        EndpointSettings current = validate("https://example.com/hook", null);

        assertThat(patchRejected(current, Map.of("secret", "whsec_x")).details())
                .containsEntry("field", "secret");
        assertThat(patchRejected(current, Map.of("enabled", "yes")).details()).containsEntry("field", "enabled");
        assertThat(patchRejected(current, Map.of("rate_limit", 2.5)).details()).containsEntry("field", "rate_limit");
        assertThat(patchRejected(current, Map.of("events", "message.sent")).details())
                .containsEntry("field", "events");
        Map<String, Object> noUrl = new HashMap<>();
        noUrl.put("url", null);
        assertThat(patchRejected(current, noUrl).details()).containsEntry("field", "url");
    }

    private static ApiException patchRejected(EndpointSettings current, Map<String, Object> patch) {
        return catchThrowableOfType(ApiException.class, () -> EndpointRequestValidator.patch(current, patch));
    }

    private static EndpointSettings validate(String url, List<String> events) {
        return EndpointRequestValidator.validate(new CreateWebhookRequest(url, events, null));
    }

    private static ApiException rejected(String url, List<String> events) {
        return catchThrowableOfType(ApiException.class, () -> validate(url, events));
    }
}
