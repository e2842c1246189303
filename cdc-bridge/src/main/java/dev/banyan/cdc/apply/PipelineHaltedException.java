package dev.banyan.cdc.apply;

/** The pipeline must stop and wait for an operator; the message says why and what to do. */
public class PipelineHaltedException extends RuntimeException {

    public PipelineHaltedException(String message) {
        super(message);
    }

    public PipelineHaltedException(String message, Throwable cause) {
        super(message, cause);
    }
}
