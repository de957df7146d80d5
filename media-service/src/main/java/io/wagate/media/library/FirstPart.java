package io.wagate.media.library;

import io.micronaut.http.multipart.StreamingFileUpload;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Waits, on a blocking thread, for the multipart part a controller asked for. Micronaut hands a
 * streaming part to a blocking method only as a publisher; its bytes still stream afterwards.
 */
final class FirstPart {

    private FirstPart() {}

    static Optional<StreamingFileUpload> of(Publisher<StreamingFileUpload> parts, long timeoutSeconds) {
        CompletableFuture<Optional<StreamingFileUpload>> first = new CompletableFuture<>();
        parts.subscribe(new Subscriber<>() {
            @Override
            public void onSubscribe(Subscription subscription) {
                subscription.request(1);
            }

            @Override
            public void onNext(StreamingFileUpload part) {
                first.complete(Optional.of(part));
            }

            @Override
            public void onError(Throwable error) {
                first.completeExceptionally(error);
            }

            @Override
            public void onComplete() {
                first.complete(Optional.empty());
            }
        });
        try {
            return first.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the upload", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            return Optional.empty();
        }
    }
}
