package io.wagate.session.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.wagate.session.sending.SendContent;
import io.wagate.session.sending.SendOptions;
import io.wagate.session.sending.SendRequest;
import io.wagate.session.transport.MediaKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandMapperTest {

    private static final MediaRef BY_ID = new MediaRef("med_1", null);
    private static final MediaRef BY_URL = new MediaRef(null, "https://example.com/file");

    @Test
    void everyContentKindBecomesItsSendContent() {
        assertThat(contentOf(new TextContent("hi"))).isEqualTo(new SendContent.Text("hi"));
        assertThat(contentOf(new ImageContent(BY_ID, "caption")))
                .isEqualTo(new SendContent.Media(
                        MediaKind.IMAGE, new SendContent.MediaRef("med_1", null), "caption", null, false));
        assertThat(contentOf(new VideoContent(BY_URL, null, true)))
                .isEqualTo(new SendContent.Media(
                        MediaKind.VIDEO, new SendContent.MediaRef(null, "https://example.com/file"), null, null, true));
        assertThat(contentOf(new AudioContent(BY_ID, false)))
                .isEqualTo(new SendContent.Media(
                        MediaKind.AUDIO, new SendContent.MediaRef("med_1", null), null, null, false));
        assertThat(contentOf(new AudioContent(BY_ID, true)))
                .isEqualTo(new SendContent.Media(
                        MediaKind.VOICE_NOTE, new SendContent.MediaRef("med_1", null), null, null, false));
        assertThat(contentOf(new DocumentContent(BY_ID, "report.pdf", "Q3")))
                .isEqualTo(new SendContent.Media(
                        MediaKind.DOCUMENT, new SendContent.MediaRef("med_1", null), "Q3", "report.pdf", false));
        assertThat(contentOf(new StickerContent(BY_ID)))
                .isEqualTo(new SendContent.Media(
                        MediaKind.STICKER, new SendContent.MediaRef("med_1", null), null, null, false));
        assertThat(contentOf(new LocationContent(-23.5, -46.6, "Sé", null)))
                .isEqualTo(new SendContent.Location(-23.5, -46.6, "Sé", null));
        assertThat(contentOf(new ContactContent(List.of(new ContactCard("BEGIN:VCARD\nEND:VCARD", "Ana")))))
                .isEqualTo(new SendContent.Contacts(
                        List.of(new SendContent.Contacts.Card("BEGIN:VCARD\nEND:VCARD", "Ana"))));
        assertThat(contentOf(new PollContent("When?", List.of("Mon", "Tue"), 2)))
                .isEqualTo(new SendContent.Poll("When?", List.of("Mon", "Tue"), 2));
        assertThat(contentOf(new ReactionContent("msg_1", "👍"))).isEqualTo(new SendContent.Reaction("msg_1", "👍"));
        assertThat(contentOf(new EditContent("msg_1", "fixed"))).isEqualTo(new SendContent.Edit("msg_1", "fixed"));
        assertThat(contentOf(new RevokeContent("3EB0ABC"))).isEqualTo(new SendContent.Revoke("3EB0ABC"));
    }

    @Test
    void theOptionsAndReferencesTravelAsTheyCame() {
        SendMessage send = SendMessage.newBuilder(message(new TextContent("hi")))
                .setClientRef("order-42")
                .setMetadata(Map.of("k", "v"))
                .setOptions(new io.wagate.schemas.v1.SendOptions("msg_0", true, List.of("15550001111"), true, 5, true))
                .build();

        SendRequest request = ((Command.Send) CommandMapper.fromAvro(send)).request();

        assertThat(request.options()).isEqualTo(new SendOptions("msg_0", true, List.of("15550001111"), true, 5, true));
        assertThat(request.clientRef()).isEqualTo("order-42");
        assertThat(request.metadata()).isEqualTo(Map.of("k", "v"));
        assertThat(request.to()).isEqualTo("5511999999999");
    }

    @Test
    void aSendWithoutOptionsHasNone() {
        SendRequest request = ((Command.Send) CommandMapper.fromAvro(message(new TextContent("hi")))).request();
        assertThat(request.options()).isEqualTo(SendOptions.NONE);
    }

    @Test
    void contentThisVersionDoesNotKnowIsUnsupported() {
        SendMessage send = message(new TextContent("hi"));
        send.setContent("a string is no content");
        assertThatThrownBy(() -> CommandMapper.fromAvro(send))
                .isInstanceOfSatisfying(UnusableCommandException.class, e -> assertThat(e.reason())
                        .isEqualTo("unsupported_command"));
    }

    private static SendContent contentOf(Object content) {
        return ((Command.Send) CommandMapper.fromAvro(message(content)))
                .request()
                .content();
    }

    private static SendMessage message(Object content) {
        return SendMessage.newBuilder()
                .setMessageId("msg_1")
                .setSessionId("sess_1")
                .setOrganizationId("org_1")
                .setIssuedAt(Instant.now())
                .setTo("5511999999999")
                .setContent(content)
                .build();
    }
}
