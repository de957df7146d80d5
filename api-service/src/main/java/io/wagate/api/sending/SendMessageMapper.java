package io.wagate.api.sending;

import io.wagate.schemas.CommandCodec;
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
import io.wagate.schemas.v1.SendOptions;
import io.wagate.schemas.v1.StickerContent;
import io.wagate.schemas.v1.TextContent;
import io.wagate.schemas.v1.VideoContent;
import java.time.Instant;
import java.util.Map;

/** Encodes a validated send as a SendMessage command; the only sending class that sees Avro. */
final class SendMessageMapper {

    private SendMessageMapper() {}

    /** @throws IllegalStateException for media media-service has not prepared: bytes never go to Kafka */
    static byte[] encode(
            String messageId, String sessionId, String organizationId, SendRequest request, Instant issuedAt) {
        var options = request.options();
        return CommandCodec.encode(SendMessage.newBuilder()
                .setMessageId(messageId)
                .setSessionId(sessionId)
                .setOrganizationId(organizationId)
                .setIssuedAt(issuedAt)
                .setTo(request.recipient())
                .setClientRef(request.clientRef())
                .setMetadata(Map.copyOf(request.metadata()))
                .setContent(content(request.content()))
                .setOptions(SendOptions.newBuilder()
                        .setReplyTo(options.replyTo())
                        .setReplyPrivate(options.replyPrivate())
                        .setMentions(options.mentions())
                        .setMentionAll(options.mentionAll())
                        .setDelaySeconds(options.delaySeconds())
                        .setLinkPreview(options.linkPreview())
                        .build())
                .build());
    }

    private static Object content(MessageContent content) {
        return switch (content) {
            case MessageContent.Text text ->
                TextContent.newBuilder().setText(text.text()).build();
            case MessageContent.Image image ->
                ImageContent.newBuilder()
                        .setMedia(ref(image))
                        .setCaption(image.caption())
                        .build();
            case MessageContent.Video video ->
                VideoContent.newBuilder()
                        .setMedia(ref(video))
                        .setCaption(video.caption())
                        .setGifPlayback(video.gifPlayback())
                        .build();
            case MessageContent.Audio audio ->
                AudioContent.newBuilder()
                        .setMedia(ref(audio))
                        .setVoiceNote(audio.voiceNote())
                        .build();
            case MessageContent.Document document ->
                DocumentContent.newBuilder()
                        .setMedia(ref(document))
                        .setFilename(document.filename())
                        .setCaption(document.caption())
                        .build();
            case MessageContent.Sticker sticker ->
                StickerContent.newBuilder().setMedia(ref(sticker)).build();
            case MessageContent.Location location ->
                LocationContent.newBuilder()
                        .setLatitude(location.latitude())
                        .setLongitude(location.longitude())
                        .setName(location.name())
                        .setAddress(location.address())
                        .build();
            case MessageContent.Contacts contacts ->
                ContactContent.newBuilder()
                        .setContacts(contacts.contacts().stream()
                                .map(card -> ContactCard.newBuilder()
                                        .setVcard(card.vcard())
                                        .setDisplayName(card.displayName())
                                        .build())
                                .toList())
                        .build();
            case MessageContent.Poll poll ->
                PollContent.newBuilder()
                        .setQuestion(poll.question())
                        .setOptions(poll.options())
                        .setSelectableCount(poll.selectableCount())
                        .build();
            case MessageContent.Reaction reaction ->
                ReactionContent.newBuilder()
                        .setTargetMessageId(reaction.targetMessageId())
                        .setEmoji(reaction.emoji())
                        .build();
            case MessageContent.Edit edit ->
                EditContent.newBuilder()
                        .setTargetMessageId(edit.targetMessageId())
                        .setText(edit.text())
                        .build();
            case MessageContent.Revoke revoke ->
                RevokeContent.newBuilder()
                        .setTargetMessageId(revoke.targetMessageId())
                        .build();
        };
    }

    private static MediaRef ref(MessageContent.Media media) {
        if (!(media.media() instanceof MediaSource.Prepared prepared)) {
            throw new IllegalStateException("media must be prepared by media-service before it is queued");
        }
        return MediaRef.newBuilder().setMediaId(prepared.mediaId()).build();
    }
}
