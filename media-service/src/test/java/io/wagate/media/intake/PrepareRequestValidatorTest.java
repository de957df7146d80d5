package io.wagate.media.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wagate.media.error.ApiException;
import io.wagate.media.error.ErrorCode;
import io.wagate.media.format.MediaKind;
import java.net.URI;
import org.junit.jupiter.api.Test;

class PrepareRequestValidatorTest {

    @Test
    void aUrlRequestBecomesARemoteSource() {
        PrepareCommand command = PrepareRequestValidator.validate(new PrepareRequest(
                "org_1", "voice_note", null, "https://cdn.example/a.mp3", null, "../../a.mp3", "audio/mpeg"));

        assertThat(command.organizationId()).isEqualTo("org_1");
        assertThat(command.kind()).isEqualTo(MediaKind.VOICE_NOTE);
        assertThat(command.source()).isEqualTo(new MediaSource.Remote(URI.create("https://cdn.example/a.mp3")));
        assertThat(command.filename()).as("the path is dropped").isEqualTo("a.mp3");
        assertThat(command.mimetype()).isEqualTo("audio/mpeg");
    }

    @Test
    void exactlyOneSourceIsRequired() {
        assertInvalid(new PrepareRequest("org_1", "image", null, null, null, null, null), "media_id");
        assertInvalid(
                new PrepareRequest("org_1", "image", "med_1", "https://x.example/a", null, null, null), "media_id");
    }

    @Test
    void kindAndOrganizationAreRequired() {
        assertInvalid(new PrepareRequest(null, "image", "med_1", null, null, null, null), "organization_id");
        assertInvalid(new PrepareRequest("org_1", null, "med_1", null, null, null, null), "kind");
        assertInvalid(new PrepareRequest("org_1", "gif", "med_1", null, null, null, null), "kind");
    }

    @Test
    void aUrlMustBeAbsolute() {
        assertInvalid(new PrepareRequest("org_1", "image", null, "/a.jpg", null, null, null), "url");
        assertInvalid(new PrepareRequest("org_1", "image", null, "http://exa mple/", null, null, null), "url");
    }

    private static void assertInvalid(PrepareRequest request, String field) {
        assertThatThrownBy(() -> PrepareRequestValidator.validate(request))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> {
                    assertThat(((ApiException) e).code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
                    assertThat(((ApiException) e).details()).containsEntry("field", field);
                });
    }
}
