package dev.banyan.architecture.bytecode;

/**
 * The classes to check cannot be read: a missing or unreadable path, a directory or jar without class files, a
 * corrupt class file. The message names the input; a command line reports it as a usage error.
 */
public class UnreadableClassesException extends RuntimeException {

    public UnreadableClassesException(String message) {
        super(message);
    }
}
