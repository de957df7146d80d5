package io.wagate.webhook.delivery;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/** Keeps the first {@code limit} bytes of a response and stops reading there. */
final class TruncatingBodySubscriber implements HttpResponse.BodySubscriber<String> {

    private final int limit;
    private final ByteArrayOutputStream kept;
    private final CompletableFuture<String> body = new CompletableFuture<>();
    private Flow.Subscription subscription;

    TruncatingBodySubscriber(int limit) {
        this.limit = limit;
        this.kept = new ByteArrayOutputStream(Math.min(limit, 1024));
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            int take = Math.min(buffer.remaining(), limit - kept.size());
            byte[] bytes = new byte[take];
            buffer.get(bytes);
            kept.write(bytes, 0, take);
        }
        if (kept.size() >= limit) {
            subscription.cancel();
            complete();
        } else {
            subscription.request(1);
        }
    }

    @Override
    public void onError(Throwable error) {
        body.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        complete();
    }

    @Override
    public CompletionStage<String> getBody() {
        return body;
    }

    private void complete() {
        // Postgres text cannot hold NUL; a cut multi-byte character becomes U+FFFD.
        body.complete(new String(kept.toByteArray(), StandardCharsets.UTF_8).replace("\u0000", ""));
    }
}
