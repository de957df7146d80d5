package io.wagate.media;

import io.micronaut.runtime.Micronaut;

public final class MediaApplication {

    private MediaApplication() {}

    public static void main(String[] args) {
        // Images are decoded and drawn (stickers, thumbnails) on servers without a display.
        System.setProperty("java.awt.headless", "true");
        Micronaut.run(MediaApplication.class, args);
    }
}
