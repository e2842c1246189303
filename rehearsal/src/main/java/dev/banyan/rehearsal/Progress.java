package dev.banyan.rehearsal;

import java.io.PrintStream;

/** Keeps one status line alive while the runner waits, so a long step never looks hung. */
final class Progress {

    private static final char[] SPINNER = {'|', '/', '-', '\\'};

    private final PrintStream out;
    private final boolean interactive;
    private int ticks;
    private long lastPlainLine;

    Progress(PrintStream out) {
        this.out = out;
        this.interactive = System.console() != null;
    }

    void tick(String what) {
        ticks++;
        if (interactive) {
            out.print("\r  " + SPINNER[ticks % SPINNER.length] + " " + what + "          ");
            out.flush();
        } else if (System.currentTimeMillis() - lastPlainLine > 5_000) {
            out.println("  ... " + what);
            lastPlainLine = System.currentTimeMillis();
        }
    }

    void done() {
        if (interactive) {
            out.print("\r" + " ".repeat(100) + "\r");
            out.flush();
        }
    }

    void line(String text) {
        done();
        out.println(text);
    }
}
