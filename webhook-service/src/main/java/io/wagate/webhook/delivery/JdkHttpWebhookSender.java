package io.wagate.webhook.delivery;

import io.wagate.webhook.signing.SignedWebhook;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** POSTs webhooks with the JDK HTTP client: HTTP/1.1, no redirects, one deadline per attempt. */
@Singleton
final class JdkHttpWebhookSender implements WebhookSender {

    static final String USER_AGENT = "wagate-webhooks/0.1";
    static final int KEPT_RESPONSE_BYTES = 1024;

    private final HttpClient client;
    private final Duration timeout;

    JdkHttpWebhookSender(DeliveryConfig config) {
        this.timeout = config.timeout();
        this.client = HttpClient.newBuilder()
                // Response handling runs on virtual threads rather than the client's own cached pool.
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build();
    }

    @Override
    public SendOutcome send(URI url, SignedWebhook signed, String body, Map<String, String> traceHeaders) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("content-type", "application/json")
                .header("user-agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        signed.headers().forEach(request::header);
        traceHeaders.forEach(request::header);
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<String>> response =
                client.sendAsync(request.build(), info -> new TruncatingBodySubscriber(KEPT_RESPONSE_BYTES));
        try {
            // The request timeout stops at the headers; this deadline also covers a body that trickles.
            HttpResponse<String> answer = response.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Duration retryAfter = answer.headers()
                    .firstValue("retry-after")
                    .flatMap(value -> RetryAfter.parse(value, Instant.now()))
                    .orElse(null);
            return new SendOutcome.Responded(answer.statusCode(), millisSince(started), answer.body(), retryAfter);
        } catch (TimeoutException e) {
            response.cancel(true);
            return new SendOutcome.Failed("timeout", millisSince(started));
        } catch (ExecutionException e) {
            return new SendOutcome.Failed(errorCode(e.getCause()), millisSince(started));
        } catch (InterruptedException e) {
            response.cancel(true);
            Thread.currentThread().interrupt();
            return new SendOutcome.Failed("interrupted", millisSince(started));
        }
    }

    private static String errorCode(Throwable cause) {
        if (cause instanceof CompletionException wrapped && wrapped.getCause() != null) {
            return errorCode(wrapped.getCause());
        }
        return switch (cause) {
            case HttpTimeoutException ignored -> "timeout"; // connect timeouts included
            case ConnectException ignored -> "connect_error";
            case IOException ignored -> "io_error";
            default -> "error";
        };
    }

    private static long millisSince(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    @PreDestroy
    void close() {
        client.shutdownNow();
    }
}
