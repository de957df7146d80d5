package io.wagate.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a benchmark ran, for the report: cores, memory, CPU model, JVM. */
final class Machine {

    private Machine() {}

    static String describe() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        long memory = ((com.sun.management.OperatingSystemMXBean) os).getTotalMemorySize();
        return String.format(
                "%d cores (%s), %.0f GiB RAM, %s %s, Java %s (%s), load average at start %.2f",
                Runtime.getRuntime().availableProcessors(),
                cpuModel(),
                memory / (1024.0 * 1024 * 1024),
                os.getName(),
                os.getVersion(),
                Runtime.version(),
                System.getProperty("java.vm.name"),
                os.getSystemLoadAverage());
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst()
                    .orElse("unknown CPU");
        } catch (java.io.IOException e) {
            return "unknown CPU";
        }
    }
}
