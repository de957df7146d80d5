package io.wagate.webhook.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class TruncatingBodySubscriberTest {

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final Flow.Subscription subscription = new Flow.Subscription() {
        @Override
        public void request(long n) {}

        @Override
        public void cancel() {
            cancelled.set(true);
        }
    };

    @Test
    void aLongAnswerIsKeptToItsFirstKibibyteAndNotReadFurther() {
        TruncatingBodySubscriber body = new TruncatingBodySubscriber(1024);
        body.onSubscribe(subscription);

        body.onNext(List.of(ByteBuffer.wrap("a".repeat(1000).getBytes(StandardCharsets.UTF_8))));
        body.onNext(List.of(ByteBuffer.wrap("b".repeat(2000).getBytes(StandardCharsets.UTF_8))));

        assertThat(body.getBody().toCompletableFuture().join()).hasSize(1024).endsWith("b".repeat(24));
        assertThat(cancelled).isTrue();
    }

    @Test
    void aShortAnswerIsKeptWholeWithoutNulCharacters() {
        TruncatingBodySubscriber body = new TruncatingBodySubscriber(1024);
        body.onSubscribe(subscription);

        body.onNext(List.of(ByteBuffer.wrap("ok\u0000!".getBytes(StandardCharsets.UTF_8))));
        body.onComplete();

        assertThat(body.getBody().toCompletableFuture().join()).isEqualTo("ok!");
        assertThat(cancelled).isFalse();
    }
}
