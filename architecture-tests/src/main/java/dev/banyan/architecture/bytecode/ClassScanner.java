package dev.banyan.architecture.bytecode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Reads one class file into a {@link ClassModel} in a single pass, with every dependency: inheritance (generic type
 * arguments included), annotations, field types, signatures, calls, field accesses, method and constructor references,
 * {@code instanceof}, class literals and caught exceptions, each with its member and line.
 *
 * <p>Past 300 lines on purpose: ASM's class and method visitors of one pass fill the same model under construction
 * (the current member and line); split apart, they would share that mutable state across classes.
 */
public final class ClassScanner {

    /** Decides which dependencies to keep, so that large inputs hold only what the check needs. */
    @FunctionalInterface
    public interface DependencyFilter {
        boolean keep(String origin, String target);

        DependencyFilter ALL = (origin, target) -> true;
    }

    static final String IDENTITY = "org.jmolecules.ddd.annotation.Identity";
    static final String ENTITY = "org.jmolecules.ddd.types.Entity";
    private static final int API = Opcodes.ASM9;
    private static final Pattern LAMBDA = Pattern.compile("lambda\\$(.+)\\$\\d+");

    private ClassScanner() {}

    public static ClassModel scan(byte[] classFile, DependencyFilter filter) {
        Visitor visitor = new Visitor(filter);
        new ClassReader(classFile).accept(visitor, ClassReader.SKIP_FRAMES);
        return visitor.model();
    }

    static String className(String internalName) {
        return internalName.replace('/', '.');
    }

    /**
     * The binary class name of a type, arrays reduced to their element type; {@code null} for primitives.
     */
    static @Nullable String className(Type type) {
        Type element = type.getSort() == Type.ARRAY ? type.getElementType() : type;
        return element.getSort() == Type.OBJECT ? element.getClassName() : null;
    }

    static String simpleTypeName(Type type) {
        if (type.getSort() == Type.ARRAY) {
            return simpleTypeName(type.getElementType()) + "[]".repeat(type.getDimensions());
        }
        return type.getSort() == Type.OBJECT ? ClassModel.simpleName(type.getClassName()) : type.getClassName();
    }

    static String memberName(String name, String descriptor) {
        Matcher lambda = LAMBDA.matcher(name);
        if (lambda.matches()) {
            return lambda.group(1) + "(lambda)";
        }
        StringBuilder builder = new StringBuilder(name).append('(');
        Type[] arguments = Type.getArgumentTypes(descriptor);
        for (int i = 0; i < arguments.length; i++) {
            if (i > 0) {
                builder.append(", ");
            }
            builder.append(simpleTypeName(arguments[i]));
        }
        return builder.append(')').toString();
    }

    private static final class Visitor extends ClassVisitor {

        private final DependencyFilter filter;
        private final List<Dependency> dependencies = new ArrayList<>();
        private final Set<String> annotations = new LinkedHashSet<>();
        private final List<FieldModel> fields = new ArrayList<>();
        private final List<String> interfaces = new ArrayList<>();
        private String name;
        private @Nullable String superName;
        private @Nullable String sourceFile;
        private String entityAggregate;
        private int firstLine;
        private boolean declaresIdentity;

        Visitor(DependencyFilter filter) {
            super(API);
            this.filter = filter;
        }

        ClassModel model() {
            String source = sourceFile != null
                    ? sourceFile
                    : ClassModel.simpleName(name.contains("$") ? name.substring(0, name.indexOf('$')) : name) + ".java";
            return new ClassModel(
                    name,
                    ClassModel.packageOf(name),
                    source,
                    firstLine,
                    superName,
                    interfaces,
                    entityAggregate,
                    annotations,
                    fields,
                    declaresIdentity,
                    dependencies);
        }

        void add(String member, DependencyKind kind, @Nullable String target, String detail, int line) {
            if (target == null || target.equals(name) || !filter.keep(name, target)) {
                return;
            }
            dependencies.add(new Dependency(member, kind, target, detail, line));
        }

        void addType(String member, DependencyKind kind, Type type, String prefix, int line) {
            String target = className(type);
            if (target != null) {
                add(member, kind, target, prefix + ClassModel.simpleName(target), line);
            }
        }

        @Override
        public void visit(
                int version,
                int access,
                String internalName,
                @Nullable String signature,
                @Nullable String superInternalName,
                String @Nullable [] interfaceNames) {
            name = className(internalName);
            superName = superInternalName == null ? null : className(superInternalName);
            if (interfaceNames != null) {
                for (String interfaceName : interfaceNames) {
                    interfaces.add(className(interfaceName));
                }
            }
            if (superName != null) {
                add("", DependencyKind.EXTENDS, superName, "extends " + ClassModel.simpleName(superName), 0);
            }
            for (String interfaceName : interfaces) {
                add(
                        "",
                        DependencyKind.IMPLEMENTS,
                        interfaceName,
                        "implements " + ClassModel.simpleName(interfaceName),
                        0);
            }
            if (signature != null) {
                Signatures.ClassSignature parsed = Signatures.classSignature(signature);
                Set<String> raw = new HashSet<>(interfaces);
                if (superName != null) {
                    raw.add(superName);
                }
                List<String> mentioned = Signatures.classNames(signature);
                for (String type : new LinkedHashSet<>(mentioned)) {
                    if (!raw.contains(type)) {
                        add("", DependencyKind.TYPE_PARAMETER, type, "type argument " + ClassModel.simpleName(type), 0);
                    }
                }
                for (Signatures.TypeNode node : parsed.interfaces()) {
                    if (node != null
                            && node.name().equals(ENTITY)
                            && !node.arguments().isEmpty()
                            && node.arguments().get(0) != null) {
                        entityAggregate = node.arguments().get(0).name();
                    }
                }
            }
        }

        @Override
        public void visitSource(@Nullable String source, @Nullable String debug) {
            sourceFile = source;
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            String type = className(Type.getType(descriptor));
            annotations.add(type);
            add("", DependencyKind.ANNOTATION, type, "@" + ClassModel.simpleName(type), 0);
            return null;
        }

        @Override
        public @Nullable FieldVisitor visitField(
                int access, String fieldName, String descriptor, @Nullable String signature, @Nullable Object value) {
            if ((access & Opcodes.ACC_SYNTHETIC) != 0) {
                return null;
            }
            Type type = Type.getType(descriptor);
            List<String> types = new ArrayList<>();
            String declared = className(type);
            if (declared != null) {
                types.add(declared);
            }
            if (signature != null) {
                for (String mentioned : Signatures.classNames(signature)) {
                    if (!types.contains(mentioned)) {
                        types.add(mentioned);
                    }
                }
            }
            for (String target : types) {
                add(
                        fieldName,
                        DependencyKind.FIELD_TYPE,
                        target,
                        "field " + fieldName + " : " + ClassModel.simpleName(target),
                        0);
            }
            Set<String> fieldAnnotations = new LinkedHashSet<>();
            boolean isStatic = (access & Opcodes.ACC_STATIC) != 0;
            String display = type.getClassName();
            return new FieldVisitor(API) {
                @Override
                public AnnotationVisitor visitAnnotation(String annotationDescriptor, boolean visible) {
                    String annotation = className(Type.getType(annotationDescriptor));
                    fieldAnnotations.add(annotation);
                    if (annotation.equals(IDENTITY)) {
                        declaresIdentity = true;
                    }
                    add(fieldName, DependencyKind.ANNOTATION, annotation, "@" + ClassModel.simpleName(annotation), 0);
                    return null;
                }

                @Override
                public void visitEnd() {
                    fields.add(new FieldModel(fieldName, isStatic, types, display, fieldAnnotations));
                }
            };
        }

        @Override
        public @Nullable MethodVisitor visitMethod(
                int access,
                String methodName,
                String descriptor,
                @Nullable String signature,
                String @Nullable [] exceptions) {
            if ((access & Opcodes.ACC_BRIDGE) != 0) {
                return null;
            }
            String member = memberName(methodName, descriptor);
            return new CodeVisitor(this, member, methodName, descriptor, signature, exceptions);
        }
    }

    /**
     * Collects a method's signature dependencies once its first line is known, and its code dependencies with the line
     * they occur on.
     */
    private static final class CodeVisitor extends MethodVisitor {

        private final Visitor owner;
        private final String member;
        private final String methodName;
        private final String descriptor;
        private final @Nullable String signature;
        private final String @Nullable [] exceptions;
        private final List<String[]> annotations = new ArrayList<>();
        private int line;
        private int firstLine;

        CodeVisitor(
                Visitor owner,
                String member,
                String methodName,
                String descriptor,
                @Nullable String signature,
                String @Nullable [] exceptions) {
            super(API);
            this.owner = owner;
            this.member = member;
            this.methodName = methodName;
            this.descriptor = descriptor;
            this.signature = signature;
            this.exceptions = exceptions;
        }

        @Override
        public AnnotationVisitor visitAnnotation(String annotationDescriptor, boolean visible) {
            String annotation = className(Type.getType(annotationDescriptor));
            if (annotation.equals(IDENTITY)) {
                owner.declaresIdentity = true;
            }
            annotations.add(new String[] {annotation});
            return null;
        }

        @Override
        public AnnotationVisitor visitParameterAnnotation(int parameter, String annotationDescriptor, boolean visible) {
            annotations.add(new String[] {className(Type.getType(annotationDescriptor))});
            return null;
        }

        @Override
        public void visitLineNumber(int number, Label start) {
            line = number;
            List<String> caught = pendingCatches.remove(start);
            if (caught != null) {
                for (String target : caught) {
                    owner.add(member, DependencyKind.CATCH, target, "catch " + ClassModel.simpleName(target), number);
                }
            }
            if (firstLine == 0 || number < firstLine) {
                firstLine = number;
            }
            if (owner.firstLine == 0 || number < owner.firstLine) {
                owner.firstLine = number;
            }
        }

        @Override
        public void visitMethodInsn(
                int opcode, String ownerName, String name, String methodDescriptor, boolean isInterface) {
            if (ownerName.startsWith("[")) {
                return;
            }
            String target = className(ownerName);
            boolean constructor = name.equals("<init>");
            owner.add(
                    member,
                    constructor ? DependencyKind.CONSTRUCTOR_CALL : DependencyKind.METHOD_CALL,
                    target,
                    ClassModel.simpleName(target) + "." + memberName(name, methodDescriptor),
                    line);
        }

        @Override
        public void visitFieldInsn(int opcode, String ownerName, String name, String fieldDescriptor) {
            String target = className(ownerName);
            owner.add(member, DependencyKind.FIELD_ACCESS, target, ClassModel.simpleName(target) + "." + name, line);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            if (opcode == Opcodes.INSTANCEOF) {
                String target = className(Type.getObjectType(type));
                if (target != null) {
                    owner.add(
                            member,
                            DependencyKind.INSTANCEOF,
                            target,
                            "instanceof " + ClassModel.simpleName(target),
                            line);
                }
            }
        }

        @Override
        public void visitLdcInsn(Object value) {
            if (value instanceof Type type && (type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY)) {
                String target = className(type);
                if (target != null) {
                    owner.add(
                            member,
                            DependencyKind.CLASS_LITERAL,
                            target,
                            ClassModel.simpleName(target) + ".class",
                            line);
                }
            }
        }

        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, @Nullable String type) {
            if (type != null) {
                // the handler's line is known once its line number entry is visited
                pendingCatches
                        .computeIfAbsent(handler, label -> new ArrayList<>())
                        .add(className(type));
            }
        }

        private final java.util.Map<Label, List<String>> pendingCatches = new java.util.LinkedHashMap<>();

        @Override
        public void visitInvokeDynamicInsn(
                String name, String dynamicDescriptor, Handle bootstrap, Object... arguments) {
            for (Object argument : arguments) {
                if (argument instanceof Handle handle && !handle.getOwner().startsWith("[")) {
                    String target = className(handle.getOwner());
                    if (target.equals(owner.name) && handle.getName().startsWith("lambda$")) {
                        continue;
                    }
                    boolean constructor = handle.getName().equals("<init>");
                    owner.add(
                            member,
                            constructor ? DependencyKind.CONSTRUCTOR_REFERENCE : DependencyKind.METHOD_REFERENCE,
                            target,
                            ClassModel.simpleName(target) + "::" + (constructor ? "new" : handle.getName()),
                            line);
                }
            }
        }

        @Override
        public void visitEnd() {
            Type method = Type.getMethodType(descriptor);
            List<String> parameters = new ArrayList<>();
            for (Type argument : method.getArgumentTypes()) {
                String name = className(argument);
                if (name != null) {
                    parameters.add(name);
                }
            }
            String returned = methodName.equals("<init>") || methodName.equals("<clinit>")
                    ? null
                    : className(method.getReturnType());
            List<String> generic = signature == null ? List.of() : Signatures.classNames(signature);
            for (String parameter : parameters) {
                owner.add(
                        member,
                        DependencyKind.PARAMETER_TYPE,
                        parameter,
                        "parameter " + ClassModel.simpleName(parameter),
                        firstLine);
            }
            if (returned != null) {
                owner.add(
                        member,
                        DependencyKind.RETURN_TYPE,
                        returned,
                        "returns " + ClassModel.simpleName(returned),
                        firstLine);
            }
            for (String type : new LinkedHashSet<>(generic)) {
                if (!parameters.contains(type) && !type.equals(returned)) {
                    owner.add(
                            member,
                            DependencyKind.TYPE_PARAMETER,
                            type,
                            "type argument " + ClassModel.simpleName(type),
                            firstLine);
                }
            }
            if (exceptions != null) {
                for (String exception : exceptions) {
                    String target = className(exception);
                    owner.add(
                            member,
                            DependencyKind.THROWS,
                            target,
                            "throws " + ClassModel.simpleName(target),
                            firstLine);
                }
            }
            for (String[] annotation : annotations) {
                owner.add(
                        member,
                        DependencyKind.ANNOTATION,
                        annotation[0],
                        "@" + ClassModel.simpleName(annotation[0]),
                        firstLine);
            }
            for (List<String> caught : pendingCatches.values()) {
                for (String target : caught) {
                    owner.add(
                            member, DependencyKind.CATCH, target, "catch " + ClassModel.simpleName(target), firstLine);
                }
            }
        }
    }
}
