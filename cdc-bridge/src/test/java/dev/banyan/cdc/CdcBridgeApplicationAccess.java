package dev.banyan.cdc;

import java.io.PrintStream;

/** Lets tests run the command line in-process and read its exit code. */
public final class CdcBridgeApplicationAccess {

    private final PrintStream out;
    private final PrintStream err;

    public CdcBridgeApplicationAccess(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int execute(String... args) {
        return CdcBridgeCommand.execute(out, err, args);
    }
}
