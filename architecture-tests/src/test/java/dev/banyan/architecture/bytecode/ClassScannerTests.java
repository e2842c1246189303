package dev.banyan.architecture.bytecode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClassScannerTests {

    static final String SOURCE = "src/test/java/dev/banyan/architecture/bytecode/ScannedSample.java";

    static ClassModel sample() throws IOException {
        try (InputStream in = ScannedSample.class.getResourceAsStream("ScannedSample.class")) {
            return ClassScanner.scan(in.readAllBytes(), ClassScanner.DependencyFilter.ALL);
        }
    }

    static int lineOf(String marker) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(SOURCE));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).endsWith("// " + marker)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line marked " + marker);
    }

    static String describe(Dependency dependency) {
        return dependency.kind().id() + " " + dependency.member() + " -> " + dependency.target() + " @"
                + dependency.line() + " " + dependency.detail();
    }

    @Test
    void readsNamesSupertypesAnnotationsAndFields() throws IOException {
        ClassModel model = sample();

        assertThat(model.name()).isEqualTo(ScannedSample.class.getName());
        assertThat(model.packageName()).isEqualTo("dev.banyan.architecture.bytecode");
        assertThat(model.sourceFile()).isEqualTo("ScannedSample.java");
        assertThat(model.superName()).isEqualTo("java.util.ArrayList");
        assertThat(model.interfaces()).containsExactly("java.lang.Comparable");
        assertThat(model.annotations()).containsExactly("java.lang.Deprecated");
        assertThat(model.fields())
                .extracting(FieldModel::name)
                .containsExactlyInAnyOrder("threads", "serialVersionUID");
        FieldModel threads = model.fields().stream()
                .filter(field -> field.name().equals("threads"))
                .findFirst()
                .orElseThrow();
        assertThat(threads.types()).containsExactly("java.util.Map", "java.lang.String", "java.lang.Thread");
        assertThat(threads.isStatic()).isFalse();
    }

    @Test
    void findsEveryKindOfDependencyWithMemberAndLine() throws IOException {
        List<String> dependencies = sample().dependencies().stream()
                .map(ClassScannerTests::describe)
                .toList();
        String run = "run(Iterable)";

        assertThat(dependencies)
                .contains(
                        "extends  -> java.util.ArrayList @0 extends ArrayList",
                        "implements  -> java.lang.Comparable @0 implements Comparable",
                        "type-parameter  -> java.lang.StringBuilder @0 type argument StringBuilder",
                        "annotation  -> java.lang.Deprecated @0 @Deprecated",
                        "field-type threads -> java.lang.Thread @0 field threads : Thread",
                        "instanceof " + run + " -> java.lang.Number @" + lineOf("instanceof") + " instanceof Number",
                        "class-literal " + run + " -> java.lang.Integer @" + lineOf("class literal") + " Integer.class",
                        "constructor-call " + run + " -> java.lang.StringBuilder @" + lineOf("constructor call")
                                + " StringBuilder.<init>()",
                        "field-access " + run + " -> java.lang.System @" + lineOf("field access") + " System.err",
                        "method-reference " + run + " -> java.lang.Integer @" + lineOf("method reference")
                                + " Integer::parseInt",
                        "constructor-reference " + run + " -> java.lang.Exception @" + lineOf("constructor reference")
                                + " Exception::new",
                        "method-call " + run + " -> java.lang.Thread @" + lineOf("method call") + " Thread.sleep(long)",
                        "catch " + run + " -> java.lang.InterruptedException @" + lineOf("catch")
                                + " catch InterruptedException",
                        "throws " + run + " -> java.io.IOException @" + lineOf("first line") + " throws IOException",
                        "method-call run(lambda) -> java.io.PrintStream @" + lineOf("lambda body")
                                + " PrintStream.println(String)",
                        "parameter-type " + run + " -> java.lang.Iterable @" + lineOf("first line")
                                + " parameter Iterable");
        assertThat(dependencies)
                .anyMatch(line -> line.startsWith("return-type bytes() -> java.util.List @"))
                .anyMatch(line -> line.startsWith("type-parameter bytes() -> java.lang.Byte @"))
                .anyMatch(line -> line.startsWith("type-parameter " + run + " -> java.lang.Character @"));
        // primitive arrays are no dependency, and a class never depends on itself
        assertThat(dependencies)
                .noneMatch(line -> line.contains("-> [") || line.contains(" -> int") || line.contains(" -> double"))
                .noneMatch(line -> line.contains(" -> " + ScannedSample.class.getName() + " "));
    }

    @Test
    void keepsOnlyTheDependenciesTheFilterAccepts() throws IOException {
        try (InputStream in = ScannedSample.class.getResourceAsStream("ScannedSample.class")) {
            ClassModel model =
                    ClassScanner.scan(in.readAllBytes(), (origin, target) -> target.equals("java.lang.Thread"));

            assertThat(model.dependencies()).extracting(Dependency::target).containsOnly("java.lang.Thread");
            assertThat(model.dependencies())
                    .extracting(Dependency::kind)
                    .contains(DependencyKind.FIELD_TYPE, DependencyKind.METHOD_CALL);
            assertThat(model.fields()).hasSize(2);
        }
    }

    @Test
    void rejectsBytesThatAreNoClassFile() {
        assertThatThrownBy(() -> ClassScanner.scan("not a class".getBytes(), ClassScanner.DependencyFilter.ALL))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void readsGenericSignaturesIncludingBoundsAndNestedTypes() {
        assertThat(
                        Signatures.classNames(
                                "<T:Ljava/lang/Object;U::Ljava/lang/Comparable<TU;>;>(Ljava/util/Map<TT;+Ljava/util/List<Ljava/lang/Long;>;>;[I)Lpkg/Outer<TT;>.Inner;^Ljava/io/IOException;"))
                .containsExactly(
                        "java.lang.Object",
                        "java.lang.Comparable",
                        "java.util.Map",
                        "java.util.List",
                        "java.lang.Long",
                        "pkg.Outer$Inner",
                        "java.io.IOException");
        Signatures.ClassSignature signature = Signatures.classSignature(
                "Ljava/lang/Object;Lorg/jmolecules/ddd/types/Entity<Lcom/acme/Order;Lcom/acme/Order$LineId;>;");
        assertThat(signature.interfaces().get(0).arguments().get(0).name()).isEqualTo("com.acme.Order");
    }
}
