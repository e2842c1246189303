package dev.banyan.architecture.bytecode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A class that depends on other classes in every way the scanner knows; lines marked {@code // kind} are asserted.
 */
@Deprecated
public class ScannedSample extends ArrayList<StringBuilder> implements Comparable<ScannedSample> {

    private Map<String, Thread> threads;
    private static final long serialVersionUID = 1L;

    public Runnable run(Iterable<Character> input) throws IOException {
        Object value = input; // first line
        if (value instanceof Number) { // instanceof
            return null;
        }
        boolean primitiveArray = value instanceof int[]; // instanceof primitive array
        Class<?> literal = Integer.class; // class literal
        Class<?> arrayLiteral = double[].class; // class literal of a primitive array
        StringBuilder built = new StringBuilder(); // constructor call
        built.append(primitiveArray).append(literal).append(arrayLiteral);
        int max = Integer.MAX_VALUE;
        java.io.PrintStream console = System.err; // field access
        console.print(built);
        Function<String, Integer> parse = Integer::parseInt; // method reference
        Supplier<Exception> create = Exception::new; // constructor reference
        Supplier<int[]> arrays = () -> new int[max];
        try {
            Thread.sleep(parse.apply("0")); // method call
        } catch (InterruptedException ex) { // catch
            throw new UncheckedIOException(new IOException(ex));
        }
        Runnable lambda = () -> System.out.println(create.get() + "" + arrays.get().length); // lambda body
        return lambda;
    }

    @Override
    public int compareTo(ScannedSample other) {
        return 0;
    }

    public List<Byte> bytes() {
        return List.of();
    }
}
