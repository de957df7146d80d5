package io.wagate.session.command;

import io.wagate.schemas.v1.AudioContent;
import io.wagate.schemas.v1.ConnectSession;
import io.wagate.schemas.v1.ContactContent;
import io.wagate.schemas.v1.DeleteSession;
import io.wagate.schemas.v1.DocumentContent;
import io.wagate.schemas.v1.EditContent;
import io.wagate.schemas.v1.GetGroupInfo;
import io.wagate.schemas.v1.ImageContent;
import io.wagate.schemas.v1.JoinGroup;
import io.wagate.schemas.v1.LocationContent;
import io.wagate.schemas.v1.LogoutSession;
import io.wagate.schemas.v1.MediaRef;
import io.wagate.schemas.v1.PollContent;
import io.wagate.schemas.v1.ReactionContent;
import io.wagate.schemas.v1.RequestPairingCode;
import io.wagate.schemas.v1.RestartSession;
import io.wagate.schemas.v1.RevokeContent;
import io.wagate.schemas.v1.SendMessage;
import io.wagate.schemas.v1.SessionCommand;
import io.wagate.schemas.v1.StickerContent;
import io.wagate.schemas.v1.TextContent;
import io.wagate.schemas.v1.VideoContent;
import io.wagate.session.SessionRef;
import io.wagate.session.sending.SendContent;
import io.wagate.session.sending.SendOptions;
import io.wagate.session.sending.SendRequest;
import io.wagate.session.transport.MediaKind;
import org.apache.avro.specific.SpecificRecord;

/** Avro commands as {@link Command}s; the only place here that knows the generated command classes. */
final class CommandMapper {

    private CommandMapper() {}

    /** @throws UnusableCommandException for a record type or content this version does not carry out */
    static Command fromAvro(SpecificRecord record) {
        return switch (record) {
            case SessionCommand command -> lifecycle(command);
            case SendMessage send -> send(send);
            default -> throw unsupported(record.getSchema().getFullName());
        };
    }

    private static Command lifecycle(SessionCommand command) {
        var session = new SessionRef(command.getSessionId(), command.getOrganizationId());
        String id = command.getCommandId();
        return switch (command.getAction()) {
            case ConnectSession ignored -> new Command.Connect(id, session);
            case RequestPairingCode pairing -> new Command.RequestPairingCode(id, session, pairing.getPhoneNumber());
            case RestartSession ignored -> new Command.Restart(id, session);
            case LogoutSession ignored -> new Command.Logout(id, session);
            case DeleteSession ignored -> new Command.Delete(id, session);
            case JoinGroup join -> new Command.JoinGroup(id, session, join.getInviteCode());
            case GetGroupInfo info -> new Command.GetGroupInfo(id, session, info.getGroupJid());
            default -> throw unsupported(command.getAction().getClass().getName());
        };
    }

    private static Command send(SendMessage send) {
        return new Command.Send(new SendRequest(
                new SessionRef(send.getSessionId(), send.getOrganizationId()),
                send.getMessageId(),
                send.getTo(),
                content(send.getContent()),
                options(send.getOptions()),
                send.getClientRef(),
                send.getMetadata()));
    }

    private static SendContent content(Object content) {
        return switch (content) {
            case TextContent text -> new SendContent.Text(text.getText());
            case ImageContent image -> media(MediaKind.IMAGE, image.getMedia(), image.getCaption(), null, false);
            case VideoContent video ->
                media(MediaKind.VIDEO, video.getMedia(), video.getCaption(), null, video.getGifPlayback());
            case AudioContent audio ->
                media(
                        audio.getVoiceNote() ? MediaKind.VOICE_NOTE : MediaKind.AUDIO,
                        audio.getMedia(),
                        null,
                        null,
                        false);
            case DocumentContent document ->
                media(MediaKind.DOCUMENT, document.getMedia(), document.getCaption(), document.getFilename(), false);
            case StickerContent sticker -> media(MediaKind.STICKER, sticker.getMedia(), null, null, false);
            case LocationContent location ->
                new SendContent.Location(
                        location.getLatitude(), location.getLongitude(), location.getName(), location.getAddress());
            case ContactContent contacts ->
                new SendContent.Contacts(contacts.getContacts().stream()
                        .map(card -> new SendContent.Contacts.Card(card.getVcard(), card.getDisplayName()))
                        .toList());
            case PollContent poll ->
                new SendContent.Poll(poll.getQuestion(), poll.getOptions(), poll.getSelectableCount());
            case ReactionContent reaction ->
                new SendContent.Reaction(reaction.getTargetMessageId(), reaction.getEmoji());
            case EditContent edit -> new SendContent.Edit(edit.getTargetMessageId(), edit.getText());
            case RevokeContent revoke -> new SendContent.Revoke(revoke.getTargetMessageId());
            case null -> throw unsupported("a SendMessage without content");
            default -> throw unsupported("content " + content.getClass().getName());
        };
    }

    private static SendContent media(MediaKind kind, MediaRef ref, String caption, String filename, boolean gif) {
        var media = ref == null
                ? new SendContent.MediaRef(null, null)
                : new SendContent.MediaRef(ref.getMediaId(), ref.getUrl());
        return new SendContent.Media(kind, media, caption, filename, gif);
    }

    private static SendOptions options(io.wagate.schemas.v1.SendOptions options) {
        if (options == null) {
            return SendOptions.NONE;
        }
        return new SendOptions(
                options.getReplyTo(),
                options.getReplyPrivate(),
                options.getMentions(),
                options.getMentionAll(),
                options.getDelaySeconds(),
                options.getLinkPreview());
    }

    private static UnusableCommandException unsupported(String what) {
        return new UnusableCommandException("unsupported_command", "this version cannot carry out " + what);
    }
}
