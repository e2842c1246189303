package dev.banyan.cdc;

import java.io.PrintStream;

/** Lets tests run the command line in-process and read its exit code. */
public final class CdcBridgeApplicationAccess {

    private final CdcBridgeApplication.Cli cli;

    public CdcBridgeApplicationAccess(PrintStream out, PrintStream err) {
        this.cli = new CdcBridgeApplication.Cli(out, err);
    }

    public int execute(String... args) {
        return cli.execute(args);
    }
}
