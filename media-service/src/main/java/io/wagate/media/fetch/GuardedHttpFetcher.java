package io.wagate.media.fetch;

import io.micronaut.core.annotation.Nullable;
import io.wagate.media.error.ApiException;
import io.wagate.media.error.ErrorCode;
import io.wagate.media.ssrf.UrlCheck;
import io.wagate.media.ssrf.UrlGuard;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Set;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Fetches a URL for media or a link preview without letting it reach the gateway's own network.
 * Every hop is checked by the {@link UrlGuard}: the first URL and each redirect (followed by hand, at
 * most {@code max-redirects}), and the HTTP client resolves hosts only through the guard, so each
 * connection is pinned to addresses that were just approved. No proxy, no retries, no cookies, no
 * content decoding: the bytes arrive as sent and are streamed, never held whole.
 */
@Singleton
public final class GuardedHttpFetcher implements AutoCloseable {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final UrlGuard guard;
    private final FetchConfig config;
    private final CloseableHttpClient client;

    GuardedHttpFetcher(UrlGuard guard, FetchConfig config) {
        this.guard = guard;
        this.config = config;
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new GuardedDnsResolver(guard))
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(config.connectTimeout()))
                        .setSocketTimeout(Timeout.of(config.readTimeout()))
                        .build())
                .setMaxConnTotal(64)
                .setMaxConnPerRoute(8)
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(config.readTimeout()))
                        .setRedirectsEnabled(false)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableContentCompression()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent(config.userAgent())
                .build();
    }

    /**
     * Opens the body of {@code url}, following redirects.
     *
     * @param maxBytes a declared Content-Length above it is refused before any byte is read
     * @throws ApiException {@code url_not_allowed}, {@code media_fetch_failed} or {@code media_too_large}
     */
    public FetchedBody open(URI url, long maxBytes) {
        long deadline = System.nanoTime() + config.totalTimeout().toNanos();
        URI current = url;
        for (int hop = 0; ; hop++) {
            requireAllowed(current, hop > 0);
            ClassicHttpResponse response = execute(current);
            int status = response.getCode();
            if (REDIRECTS.contains(status)) {
                closeQuietly(response);
                if (hop >= config.maxRedirects()) {
                    throw failed(url, "more than " + config.maxRedirects() + " redirects");
                }
                current = redirectTarget(current, response.getFirstHeader("Location"));
                continue;
            }
            if (status < 200 || status > 299) {
                closeQuietly(response);
                throw new ApiException(
                        ErrorCode.MEDIA_FETCH_FAILED,
                        "fetching the URL answered HTTP " + status,
                        Map.of("url", url.toString(), "status", status));
            }
            return body(current, response, maxBytes, deadline);
        }
    }

    private void requireAllowed(URI url, boolean redirected) {
        switch (guard.check(url)) {
            case UrlCheck.Allowed ignored -> {}
            case UrlCheck.Refused refused ->
                throw new ApiException(
                        ErrorCode.URL_NOT_ALLOWED,
                        (redirected ? "a redirect leads to a URL that may not be fetched: " : "") + refused.reason(),
                        Map.of("url", url.toString()));
            case UrlCheck.Unresolvable unresolvable -> throw failed(url, unresolvable.reason());
        }
    }

    private ClassicHttpResponse execute(URI url) {
        try {
            return client.executeOpen(null, new HttpGet(url), null);
        } catch (IOException e) {
            AddressRefusedException refused = refusal(e);
            if (refused != null) {
                throw new ApiException(ErrorCode.URL_NOT_ALLOWED, refused.getMessage(), Map.of("url", url.toString()));
            }
            if (e instanceof UnknownHostException) {
                throw failed(url, e.getMessage());
            }
            throw failed(url, describe(e));
        }
    }

    private FetchedBody body(URI url, ClassicHttpResponse response, long maxBytes, long deadline) {
        HttpEntity entity = response.getEntity();
        long length = entity == null ? 0 : entity.getContentLength();
        if (length > maxBytes) {
            closeQuietly(response);
            throw ApiException.tooLarge("the media at the URL (" + length + " bytes)", maxBytes);
        }
        try {
            InputStream content = entity == null ? InputStream.nullInputStream() : entity.getContent();
            return new FetchedBody(
                    url,
                    entity == null ? null : entity.getContentType(),
                    new DeadlineInputStream(content, deadline),
                    response);
        } catch (IOException e) {
            closeQuietly(response);
            throw failed(url, describe(e));
        }
    }

    private static URI redirectTarget(URI from, @Nullable Header location) {
        if (location == null || location.getValue().isBlank()) {
            throw failed(from, "a redirect without a Location");
        }
        try {
            return from.resolve(new URI(location.getValue().trim()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw failed(from, "a redirect to an invalid URL");
        }
    }

    @Nullable
    private static AddressRefusedException refusal(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AddressRefusedException refused) {
                return refused;
            }
        }
        return null;
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** {@code media_fetch_failed} for {@code url}, saying why. */
    public static ApiException failed(URI url, String reason) {
        return new ApiException(
                ErrorCode.MEDIA_FETCH_FAILED, "could not fetch the URL: " + reason, Map.of("url", url.toString()));
    }

    private static void closeQuietly(ClassicHttpResponse response) {
        try {
            response.close();
        } catch (IOException ignored) {
            // the connection is discarded either way
        }
    }

    @Override
    @PreDestroy
    public void close() throws IOException {
        client.close();
    }
}
