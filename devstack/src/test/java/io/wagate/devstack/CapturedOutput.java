package io.wagate.devstack;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The services' output, printed as usual and kept, so a test can see what an operator would read. */
final class CapturedOutput extends PrintStream {

    private final List<String> lines = new CopyOnWriteArrayList<>();

    CapturedOutput(PrintStream target) {
        super(target, true);
    }

    @Override
    public void println(String line) {
        lines.add(line);
        super.println(line);
    }

    boolean anyLineContains(String text) {
        return lines.stream().anyMatch(line -> line.contains(text));
    }
}
