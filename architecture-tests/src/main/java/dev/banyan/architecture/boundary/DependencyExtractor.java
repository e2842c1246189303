package dev.banyan.architecture.boundary;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.InstanceofCheck;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaConstructorReference;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaMethodReference;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.JavaTypeVariable;
import com.tngtech.archunit.core.domain.ReferencedClassObject;
import com.tngtech.archunit.core.domain.ThrowsDeclaration;
import com.tngtech.archunit.core.domain.TryCatchBlock;

/**
 * Lists the dependencies of a class with their kind, member and line: inheritance, annotations, signatures (including
 * generic type arguments), and every access, reference, {@code instanceof}, class literal and {@code catch} in code.
 */
public final class DependencyExtractor {

    private static final Pattern LAMBDA = Pattern.compile("lambda\\$(.+)\\$\\d+");

    private DependencyExtractor() {
    }

    public interface Sink {
        void accept(JavaClass origin, String member, DependencyKind kind, JavaClass target, String detail, int line);
    }

    public static List<CodeDependency> dependenciesOf(JavaClass origin) {
        List<CodeDependency> result = new ArrayList<>();
        extract(origin, (o, member, kind, target, detail, line) -> result.add(new CodeDependency(o, member, kind, target, detail, line)));
        return result;
    }

    public static void extract(JavaClass origin, Sink sink) {
        Emitter emit = new Emitter(origin, sink);
        int classLine = origin.getSourceCodeLocation().getLineNumber();
        origin.getSuperclass().ifPresent(type -> emit.types("", DependencyKind.EXTENDS, type, classLine));
        for (JavaType type : origin.getInterfaces()) {
            emit.types("", DependencyKind.IMPLEMENTS, type, classLine);
        }
        for (JavaTypeVariable<JavaClass> variable : origin.getTypeParameters()) {
            for (JavaType bound : variable.getUpperBounds()) {
                emit.types("", DependencyKind.TYPE_PARAMETER, bound, classLine);
            }
        }
        annotations(emit, "", origin.getAnnotations(), classLine);
        for (JavaField field : origin.getFields()) {
            emit.types(field.getName(), DependencyKind.FIELD_TYPE, field.getType(), 0, "field " + field.getName() + " : ");
            annotations(emit, field.getName(), field.getAnnotations(), 0);
        }
        for (JavaCodeUnit codeUnit : origin.getCodeUnits()) {
            codeUnit(emit, codeUnit);
        }
    }

    private static void codeUnit(Emitter emit, JavaCodeUnit codeUnit) {
        String member = memberName(codeUnit);
        int line = codeUnit.getSourceCodeLocation().getLineNumber();
        for (JavaParameter parameter : codeUnit.getParameters()) {
            emit.types(member, DependencyKind.PARAMETER_TYPE, parameter.getType(), line);
            annotations(emit, member, parameter.getAnnotations(), line);
        }
        if (codeUnit.isMethod()) {
            emit.types(member, DependencyKind.RETURN_TYPE, codeUnit.getReturnType(), line);
        }
        for (JavaTypeVariable<?> variable : codeUnit.getTypeParameters()) {
            for (JavaType bound : variable.getUpperBounds()) {
                emit.types(member, DependencyKind.TYPE_PARAMETER, bound, line);
            }
        }
        for (ThrowsDeclaration<?> declaration : codeUnit.getThrowsClause()) {
            emit.one(member, DependencyKind.THROWS, declaration.getRawType(), "throws " + declaration.getRawType().getSimpleName(), line);
        }
        annotations(emit, member, codeUnit.getAnnotations(), line);
        for (JavaMethodCall call : codeUnit.getMethodCallsFromSelf()) {
            emit.access(member, DependencyKind.METHOD_CALL, call);
        }
        for (JavaConstructorCall call : codeUnit.getConstructorCallsFromSelf()) {
            emit.access(member, DependencyKind.CONSTRUCTOR_CALL, call);
        }
        for (JavaFieldAccess access : codeUnit.getFieldAccesses()) {
            emit.access(member, DependencyKind.FIELD_ACCESS, access);
        }
        for (JavaMethodReference reference : codeUnit.getMethodReferencesFromSelf()) {
            emit.access(member, DependencyKind.METHOD_REFERENCE, reference);
        }
        for (JavaConstructorReference reference : codeUnit.getConstructorReferencesFromSelf()) {
            emit.access(member, DependencyKind.CONSTRUCTOR_REFERENCE, reference);
        }
        for (InstanceofCheck check : codeUnit.getInstanceofChecks()) {
            emit.one(member, DependencyKind.INSTANCEOF, check.getRawType(), "instanceof " + check.getRawType().getSimpleName(), check.getLineNumber());
        }
        for (ReferencedClassObject object : codeUnit.getReferencedClassObjects()) {
            emit.one(member, DependencyKind.CLASS_LITERAL, object.getRawType(), object.getRawType().getSimpleName() + ".class", object.getLineNumber());
        }
        for (TryCatchBlock block : codeUnit.getTryCatchBlocks()) {
            for (JavaClass caught : block.getCaughtThrowables()) {
                emit.one(member, DependencyKind.CATCH, caught, "catch " + caught.getSimpleName(), block.getSourceCodeLocation().getLineNumber());
            }
        }
    }

    private static void annotations(Emitter emit, String member, Iterable<? extends JavaAnnotation<?>> annotations, int line) {
        for (JavaAnnotation<?> annotation : annotations) {
            emit.one(member, DependencyKind.ANNOTATION, annotation.getRawType(), "@" + annotation.getRawType().getSimpleName(), line);
        }
    }

    /**
     * A stable member name: {@code place(OrderId, long)}, {@code <init>(String)}, or for code in a lambda the name of the
     * method that declares it, so that names do not change when lambdas are added or reordered.
     */
    public static String memberName(JavaCodeUnit codeUnit) {
        String name = codeUnit.getName();
        Matcher lambda = LAMBDA.matcher(name);
        if (lambda.matches()) {
            return lambda.group(1) + "(lambda)";
        }
        StringBuilder builder = new StringBuilder(name).append('(');
        List<JavaClass> parameters = codeUnit.getRawParameterTypes();
        for (int i = 0; i < parameters.size(); i++) {
            if (i > 0) {
                builder.append(", ");
            }
            builder.append(parameters.get(i).getSimpleName());
        }
        return builder.append(')').toString();
    }

    private record Emitter(JavaClass origin, Sink sink) {

        void types(String member, DependencyKind kind, JavaType type, int line) {
            types(member, kind, type, line, kind.id() + " ");
        }

        void types(String member, DependencyKind kind, JavaType type, int line, String prefix) {
            for (JavaClass raw : type.getAllInvolvedRawTypes()) {
                one(member, kind, raw, prefix + raw.getSimpleName(), line);
            }
        }

        void one(String member, DependencyKind kind, JavaClass target, String detail, int line) {
            JavaClass base = target.getBaseComponentType();
            if (base.isPrimitive() || base.equals(origin)) {
                return;
            }
            sink.accept(origin, member, kind, base, detail, line);
        }

        void access(String member, DependencyKind kind, JavaAccess<? extends AccessTarget> access) {
            JavaClass owner = access.getTargetOwner();
            String detail = owner.getSimpleName() + "." + targetName(access.getTarget());
            one(member, kind, owner, detail, access.getLineNumber());
        }

        private static String targetName(AccessTarget target) {
            if (target instanceof AccessTarget.CodeUnitAccessTarget codeUnit) {
                StringBuilder builder = new StringBuilder(codeUnit.getName()).append('(');
                List<JavaClass> parameters = codeUnit.getRawParameterTypes();
                for (int i = 0; i < parameters.size(); i++) {
                    if (i > 0) {
                        builder.append(", ");
                    }
                    builder.append(parameters.get(i).getSimpleName());
                }
                return builder.append(')').toString();
            }
            return target.getName();
        }
    }
}
