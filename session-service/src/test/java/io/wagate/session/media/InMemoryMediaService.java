package io.wagate.session.media;

import io.micronaut.core.annotation.Nullable;
import io.wagate.session.transport.MediaFile;
import io.wagate.session.transport.MediaKind;
import io.wagate.session.transport.OutboundMessage.LinkPreview;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link MediaService} for unit tests: files the test puts in, refusals and outages it asks for,
 * and every call recorded.
 */
public final class InMemoryMediaService implements MediaService {

    public record File(
            String organizationId,
            MediaKind kind,
            String mimetype,
            byte[] bytes,
            @Nullable String filename) {}

    public record Prepare(
            String organizationId,
            MediaKind kind,
            @Nullable String mediaId,
            @Nullable String url) {}

    private final Map<String, File> files = new ConcurrentHashMap<>();
    private final Map<String, File> urls = new ConcurrentHashMap<>();
    private final Map<String, LinkPreview> previews = new ConcurrentHashMap<>();
    private final List<Prepare> prepares = new CopyOnWriteArrayList<>();
    private final List<String> opened = new CopyOnWriteArrayList<>();
    private volatile @Nullable MediaRefusedException refusal;
    private volatile boolean down;
    private int next;

    public InMemoryMediaService withUrl(String url, String mimetype, byte[] bytes) {
        urls.put(url, new File(null, null, mimetype, bytes, null));
        return this;
    }

    public InMemoryMediaService withPreview(LinkPreview preview) {
        previews.put(preview.url(), preview);
        return this;
    }

    public void refuseWith(String code) {
        refusal = new MediaRefusedException(code, "refused: " + code);
    }

    public void goDown() {
        down = true;
    }

    public List<Prepare> prepares() {
        return List.copyOf(prepares);
    }

    public List<String> opened() {
        return List.copyOf(opened);
    }

    public Map<String, File> files() {
        return Map.copyOf(files);
    }

    /** Puts an upload in, as {@code POST /v1/media} does. */
    public synchronized String upload(String organizationId, String mimetype, byte[] bytes, String filename) {
        String id = "med_" + (++next);
        files.put(id, new File(organizationId, null, mimetype, bytes, filename));
        return id;
    }

    @Override
    public synchronized StoredMedia prepare(
            String organizationId,
            MediaKind kind,
            @Nullable String mediaId,
            @Nullable String url,
            @Nullable String filename) {
        prepares.add(new Prepare(organizationId, kind, mediaId, url));
        failIfAsked();
        File source = mediaId != null ? files.get(mediaId) : urls.get(url);
        if (source == null || mediaId != null && !source.organizationId().equals(organizationId)) {
            throw new MediaRefusedException("media_not_found", "no media " + mediaId);
        }
        String id = "med_" + (++next);
        var prepared = new File(
                organizationId,
                kind,
                source.mimetype(),
                source.bytes(),
                filename != null ? filename : source.filename());
        files.put(id, prepared);
        return describe(id, prepared);
    }

    @Override
    public InputStream content(String organizationId, String mediaId) throws IOException {
        opened.add(mediaId);
        File file = files.get(mediaId);
        if (file == null || !file.organizationId().equals(organizationId)) {
            throw new IOException("no media " + mediaId);
        }
        return new ByteArrayInputStream(file.bytes());
    }

    @Override
    public synchronized StoredMedia store(
            String organizationId, MediaKind kind, @Nullable String filename, String mimetype, MediaFile.Source bytes) {
        failIfAsked();
        byte[] content;
        try (InputStream in = bytes.open()) {
            content = in.readAllBytes();
        } catch (IOException e) {
            throw new MediaServiceUnavailableException("could not read", e);
        }
        String id = "med_" + (++next);
        var stored = new File(organizationId, kind, mimetype, content, filename);
        files.put(id, stored);
        return describe(id, stored);
    }

    @Override
    public Optional<LinkPreview> linkPreview(String url) {
        return down ? Optional.empty() : Optional.ofNullable(previews.get(url));
    }

    private void failIfAsked() {
        if (down) {
            throw new MediaServiceUnavailableException("media-service is down");
        }
        if (refusal != null) {
            throw refusal;
        }
    }

    private static StoredMedia describe(String id, File file) {
        return new StoredMedia(
                id,
                file.kind() == null ? null : file.kind().name().toLowerCase(java.util.Locale.ROOT),
                file.mimetype(),
                file.bytes().length,
                sha256(file.bytes()),
                file.filename());
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
