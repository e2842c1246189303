package dev.banyan.proxy;

import java.util.stream.Collectors;

import dev.banyan.proxy.config.InvalidRoutesFileException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an invalid routes file at start-up into a short message that names the file, lines, fields and reasons. */
class RoutesFileFailureAnalyzer extends AbstractFailureAnalyzer<InvalidRoutesFileException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidRoutesFileException cause) {
        String problems = cause.problems().stream()
                .map(p -> "  " + cause.file() + (p.line() > 0 ? ":" + p.line() : "") + "  " + p.field() + ": "
                        + p.reason())
                .collect(Collectors.joining("\n"));
        return new FailureAnalysis(
                "The routes file " + cause.file() + " is invalid:\n" + problems,
                "Fix the routes file (or name another one with --banyan.routes=PATH) and start the proxy again.",
                cause);
    }
}
