package io.wagate.api.sending;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.wagate.api.error.ApiError;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the type-specific fields of a send into its {@link MessageContent}. */
final class ContentReader {

    static final int MAX_TEXT_LENGTH = 65_536;
    static final int MAX_CAPTION_LENGTH = 4_096;
    static final int MAX_FILENAME_LENGTH = 255;
    static final int MAX_URL_LENGTH = 2_048;
    static final int MAX_LOCATION_TEXT_LENGTH = 1_000;
    static final int MAX_POLL_QUESTION_LENGTH = 255;
    static final int MAX_POLL_OPTION_LENGTH = 100;
    static final int MIN_POLL_OPTIONS = 2;
    static final int MAX_POLL_OPTIONS = 12;
    static final int MAX_CONTACTS = 20;
    static final int MAX_MESSAGE_ID_LENGTH = 128;

    static final Set<String> MEDIA_FIELDS = Set.of("media_url", "media_base64", "media_id", "mimetype", "filename");

    private static final List<String> MEDIA_SOURCES = List.of("media_url", "media_base64", "media_id");
    private static final Pattern MEDIA_ID = Pattern.compile("med_[0-9A-Za-z]{1,64}");
    private static final Pattern MIMETYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*");
    private static final Pattern ONE_GRAPHEME = Pattern.compile("\\X");

    private ContentReader() {}

    /** The fields each type reads, beyond the ones every send may carry. */
    static Set<String> fieldsOf(String type) {
        return switch (type) {
            case "text" -> Set.of("text", "link_preview");
            case "image" -> union(MEDIA_FIELDS, "caption");
            case "video" -> union(MEDIA_FIELDS, "caption", "gif_playback");
            case "audio" -> union(MEDIA_FIELDS, "voice_note");
            case "document" -> union(MEDIA_FIELDS, "caption");
            case "sticker" -> MEDIA_FIELDS;
            case "location" -> Set.of("latitude", "longitude", "name", "address");
            case "contact" -> Set.of("contacts");
            case "poll" -> Set.of("question", "options", "selectable_count");
            case "reaction" -> Set.of("message_id", "emoji");
            default -> Set.of();
        };
    }

    @Nullable
    static MessageContent read(String type, JsonFields body) {
        return switch (type) {
            case "text" -> text(body, "text");
            case "image" -> new MessageContent.Image(media(body), caption(body));
            case "video" -> new MessageContent.Video(media(body), caption(body), body.optionalBoolean("gif_playback"));
            case "audio" -> new MessageContent.Audio(media(body), body.optionalBoolean("voice_note"));
            case "document" -> {
                MediaSource media = media(body);
                yield new MessageContent.Document(media, filenameOf(media), caption(body));
            }
            case "sticker" -> new MessageContent.Sticker(media(body));
            case "location" -> location(body);
            case "contact" -> contacts(body);
            case "poll" -> poll(body);
            case "reaction" -> reaction(body);
            default -> null;
        };
    }

    @Nullable
    static MessageContent.Text text(JsonFields body, String field) {
        String text = body.requiredText(field, MAX_TEXT_LENGTH);
        return text == null ? null : new MessageContent.Text(text);
    }

    /** Exactly one of {@code media_url}, {@code media_base64} or {@code media_id}, with optional hints. */
    @Nullable
    private static MediaSource media(JsonFields body) {
        List<String> given = MEDIA_SOURCES.stream().filter(body::has).toList();
        String mimetype = mimetype(body);
        String filename = body.optionalText("filename", MAX_FILENAME_LENGTH);
        if (given.size() != 1) {
            body.refuse(
                    given.isEmpty() ? "media_url" : given.get(1),
                    "give exactly one of media_url, media_base64 or media_id");
            return null;
        }
        return switch (given.getFirst()) {
            case "media_url" -> {
                String url = body.requiredText("media_url", MAX_URL_LENGTH);
                if (url != null && !isHttpUrl(url)) {
                    body.refuse("media_url", "must be an absolute http or https URL");
                    yield null;
                }
                yield url == null ? null : new MediaSource.Url(url, mimetype, filename);
            }
            case "media_base64" -> {
                String data = body.requiredString("media_base64");
                if (data != null && data.isBlank()) {
                    body.refuse("media_base64", "must not be empty");
                    yield null;
                }
                yield data == null ? null : new MediaSource.Base64(data, mimetype, filename);
            }
            default -> {
                String id = body.requiredString("media_id");
                if (id != null && !MEDIA_ID.matcher(id).matches()) {
                    body.refuse("media_id", "must be the id of an upload (med_...)");
                    yield null;
                }
                yield id == null ? null : new MediaSource.Upload(id, mimetype, filename);
            }
        };
    }

    @Nullable
    private static String mimetype(JsonFields body) {
        String mimetype = body.optionalText("mimetype", 255);
        if (mimetype != null
                && !MIMETYPE.matcher(mimetype.toLowerCase(Locale.ROOT)).matches()) {
            body.refuse("mimetype", "must be a media type such as image/png");
            return null;
        }
        return mimetype;
    }

    @Nullable
    private static String filenameOf(@Nullable MediaSource media) {
        return switch (media) {
            case MediaSource.Url url -> url.filename();
            case MediaSource.Base64 base64 -> base64.filename();
            case MediaSource.Upload upload -> upload.filename();
            case MediaSource.Prepared prepared -> prepared.filename();
            case null -> null;
        };
    }

    private static boolean isHttpUrl(String url) {
        try {
            var uri = new java.net.URI(url);
            return uri.isAbsolute()
                    && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    @Nullable
    private static String caption(JsonFields body) {
        return body.optionalText("caption", MAX_CAPTION_LENGTH);
    }

    private static MessageContent.Location location(JsonFields body) {
        double latitude = body.requiredNumber("latitude", -90, 90);
        double longitude = body.requiredNumber("longitude", -180, 180);
        String name = body.optionalText("name", MAX_LOCATION_TEXT_LENGTH);
        String address = body.optionalText("address", MAX_LOCATION_TEXT_LENGTH);
        return new MessageContent.Location(latitude, longitude, name, address);
    }

    private static MessageContent.Contacts contacts(JsonFields body) {
        List<JsonNode> cards = body.array("contacts", 1, MAX_CONTACTS, true);
        List<MessageContent.Contact> contacts = new java.util.ArrayList<>();
        for (int i = 0; i < cards.size(); i++) {
            String prefix = "contacts[" + i + "].";
            if (!cards.get(i).isObject()) {
                body.refuse("contacts[" + i + "]", "must be an object: {vcard, display_name} or {name, phones}");
                continue;
            }
            MessageContent.Contact contact = VCards.read(body.nested(cards.get(i), prefix));
            if (contact != null) {
                contacts.add(contact);
            }
        }
        return new MessageContent.Contacts(contacts);
    }

    /** The poll's fields; whether WhatsApp takes it as a poll is {@link #pollProblem}'s to say. */
    private static MessageContent.Poll poll(JsonFields body) {
        String question = body.requiredText("question", MAX_POLL_QUESTION_LENGTH);
        List<String> options = body.stringArray("options", 0, Integer.MAX_VALUE, MAX_POLL_OPTION_LENGTH, true);
        int selectable = body.optionalInt("selectable_count", 1, MAX_POLL_OPTIONS, 1);
        return new MessageContent.Poll(question, options, selectable);
    }

    /**
     * The rule a well-formed poll breaks, as its {@code poll_invalid} refusal: the code session-service
     * fails the same poll with when it comes straight from Kafka.
     */
    static Optional<ApiError.PollInvalid> pollProblem(MessageContent.Poll poll) {
        List<String> options = poll.options();
        if (options.size() < MIN_POLL_OPTIONS || options.size() > MAX_POLL_OPTIONS) {
            return Optional.of(new ApiError.PollInvalid(
                    "options", "must have " + MIN_POLL_OPTIONS + " to " + MAX_POLL_OPTIONS + " elements"));
        }
        if (new HashSet<>(options).size() != options.size()) {
            return Optional.of(new ApiError.PollInvalid("options", "must be distinct"));
        }
        if (poll.selectableCount() > options.size()) {
            return Optional.of(new ApiError.PollInvalid(
                    "selectable_count", "must be at most the number of options (" + options.size() + ")"));
        }
        return Optional.empty();
    }

    private static MessageContent.Reaction reaction(JsonFields body) {
        String target = body.requiredText("message_id", MAX_MESSAGE_ID_LENGTH);
        String emoji = body.requiredString("emoji");
        if (emoji != null && !emoji.isEmpty() && !isOneEmoji(emoji)) {
            body.refuse("emoji", "must be one emoji, or empty to remove the reaction");
        }
        return new MessageContent.Reaction(target, emoji);
    }

    static boolean isOneEmoji(String value) {
        if (!ONE_GRAPHEME.matcher(value).matches()) {
            return false;
        }
        int first = value.codePointAt(0);
        return Character.isExtendedPictographic(first)
                || Character.isEmojiPresentation(first)
                || (first >= 0x1F1E6 && first <= 0x1F1FF);
    }

    private static Set<String> union(Set<String> base, String... more) {
        Set<String> all = new HashSet<>(base);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }
}
