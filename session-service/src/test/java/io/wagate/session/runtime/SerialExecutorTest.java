package io.wagate.session.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SerialExecutorTest {

    @Test
    void tasksRunOneAtATimeInTheOrderTheyCameFromManyThreads() throws InterruptedException {
        // Given
        var executor = new SerialExecutor();
        List<Integer> ran = new CopyOnWriteArrayList<>();
        var running = new AtomicInteger();
        var overlaps = new AtomicInteger();

        // When ten threads each hand in a hundred numbered tasks
        var threads = new Thread[10];
        for (int t = 0; t < threads.length; t++) {
            int base = t * 1000;
            threads[t] = Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 100; i++) {
                    int n = base + i;
                    executor.execute(() -> {
                        if (running.incrementAndGet() > 1) {
                            overlaps.incrementAndGet();
                        }
                        ran.add(n);
                        running.decrementAndGet();
                    });
                }
            });
        }
        for (Thread thread : threads) {
            thread.join();
        }

        // Then
        await().atMost(Duration.ofSeconds(5)).until(() -> ran.size() == 1000);
        assertThat(overlaps).hasValue(0);
        for (int t = 0; t < threads.length; t++) {
            int base = t * 1000;
            assertThat(ran.stream().filter(n -> n / 1000 == base / 1000).toList())
                    .isSorted()
                    .hasSize(100);
        }
    }

    @Test
    void anIdleExecutorHoldsNoThreadAndStartsOneForTheNextTask() throws InterruptedException {
        // Given an executor that ran a task and went idle
        var executor = new SerialExecutor();
        var first = new CountDownLatch(1);
        var threads = new CopyOnWriteArrayList<Thread>();
        executor.execute(() -> {
            threads.add(Thread.currentThread());
            first.countDown();
        });
        assertThat(first.await(5, TimeUnit.SECONDS)).isTrue();

        // Then its thread ends
        await().atMost(Duration.ofSeconds(5)).until(() -> !threads.getFirst().isAlive());
        assertThat(threads.getFirst().isVirtual()).isTrue();

        // and a later task still runs
        var second = new CountDownLatch(1);
        executor.execute(second::countDown);
        assertThat(second.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void afterShutdownQueuedTasksStillRunButNewOnesAreRejected() throws InterruptedException {
        // Given a task that blocks, and one queued behind it
        var executor = new SerialExecutor();
        var release = new CountDownLatch(1);
        var queuedRan = new CountDownLatch(1);
        executor.execute(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        executor.execute(queuedRan::countDown);

        // When
        executor.shutdown();
        release.countDown();

        // Then
        assertThat(queuedRan.await(5, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> executor.execute(() -> {})).isInstanceOf(RejectedExecutionException.class);
    }
}
