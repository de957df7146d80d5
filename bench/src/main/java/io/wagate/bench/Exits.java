package io.wagate.bench;

/**
 * A benchmark whose main thread fails exits non-zero at once, rather than living on in the threads
 * it started (clients, pollers, the services' output pumps) with nothing left to measure.
 */
final class Exits {

    private Exits() {}

    static void onMainFailure() {
        Thread.currentThread().setUncaughtExceptionHandler((thread, failure) -> {
            failure.printStackTrace();
            System.exit(1);
        });
    }
}
