package dev.banyan.cdc.apply;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Tells whether carrying a source column into a target column can lose data silently. Values reach the target through
 * explicit casts to the target type, and PostgreSQL's explicit casts cut strings and bit strings to length and round
 * numbers and fractional seconds to the target's scale without an error, so such a mapping is refused at start-up.
 * Types are compared as {@code format_type()} renders them; types this class does not know are not judged.
 */
final class TypeNarrowing {

    private static final Pattern FORMATTED =
            Pattern.compile("([a-z][a-z ]*?)(?:\\((\\d+)(?:,(\\d+))?\\))?( with time zone| without time zone)?");
    private static final Map<String, Integer> INTEGER_DIGITS = Map.of("int2", 5, "int4", 10, "int8", 19);
    private static final Map<String, Integer> TEXT_LENGTH =
            Map.of("int2", 6, "int4", 11, "int8", 20, "uuid", 36, "bool", 5);
    private static final Set<String> STRINGS = Set.of("text", "varchar", "char");
    private static final Set<String> TIMES = Set.of("timestamp", "timestamptz", "time", "timetz", "interval");

    /** A parsed type: base name, length or precision, scale, and whether it is an array of it. */
    record Type(String base, Integer precision, Integer scale, boolean array) {

        static Optional<Type> parse(String formatted) {
            String text = formatted.trim().toLowerCase(Locale.ROOT);
            boolean array = text.endsWith("[]");
            text = text.replace("[]", "").trim();
            Matcher m = FORMATTED.matcher(text);
            if (!m.matches()) {
                return Optional.empty();
            }
            String zone = m.group(4) == null ? "" : m.group(4).trim();
            String base = switch (m.group(1).trim()) {
                case "character varying" -> "varchar";
                case "character" -> "char";
                case "bit varying" -> "varbit";
                case "bigint" -> "int8";
                case "integer" -> "int4";
                case "smallint" -> "int2";
                case "real" -> "float4";
                case "double precision" -> "float8";
                case "boolean" -> "bool";
                case "timestamp" -> zone.startsWith("with ") ? "timestamptz" : "timestamp";
                case "time" -> zone.startsWith("with ") ? "timetz" : "time";
                default -> m.group(1).trim();
            };
            Integer precision = m.group(2) == null ? null : Integer.valueOf(m.group(2));
            Integer scale = m.group(3) == null
                    ? (base.equals("numeric") && precision != null ? 0 : null)
                    : Integer.valueOf(m.group(3));
            return Optional.of(new Type(base, precision, scale, array));
        }

        /** Fractional-second digits of a time type: 6 unless given. */
        int secondsDigits() {
            return precision == null ? 6 : precision;
        }
    }

    private TypeNarrowing() {}

    /** How a value of {@code sourceType} can lose data when cast to {@code targetType}, or empty when it cannot. */
    static Optional<String> loss(String sourceType, String targetType) {
        if (sourceType.equals(targetType)) {
            return Optional.empty();
        }
        Optional<Type> parsedSource = Type.parse(sourceType);
        Optional<Type> parsedTarget = Type.parse(targetType);
        if (parsedSource.isEmpty()
                || parsedTarget.isEmpty()
                || parsedSource.get().array() != parsedTarget.get().array()) {
            return Optional.empty();
        }
        return Optional.ofNullable(loss(parsedSource.get(), parsedTarget.get()));
    }

    private static @Nullable String loss(Type s, Type t) {
        String sb = s.base();
        String tb = t.base();
        if ((tb.equals("varchar") || tb.equals("char")) && t.precision() != null) {
            Integer longest = STRINGS.contains(sb) ? s.precision() : TEXT_LENGTH.get(sb);
            if (longest == null || longest > t.precision()) {
                return "values longer than " + t.precision() + " characters would be cut to " + t.precision();
            }
            return null;
        }
        if ((tb.equals("bit") || tb.equals("varbit"))
                && t.precision() != null
                && (sb.equals("bit") || sb.equals("varbit"))) {
            if (s.precision() == null || s.precision() > t.precision()) {
                return "bit strings longer than " + t.precision() + " bits would be cut to " + t.precision();
            }
            return null;
        }
        if (INTEGER_DIGITS.containsKey(tb)) {
            if (INTEGER_DIGITS.containsKey(sb) && INTEGER_DIGITS.get(sb) > INTEGER_DIGITS.get(tb)) {
                return "values outside the range of " + tb + " cannot be stored";
            }
            if (sb.equals("numeric") && (s.scale() == null || s.scale() > 0)) {
                return "fractions would be rounded to whole numbers";
            }
            if (sb.equals("numeric") && s.precision() >= INTEGER_DIGITS.get(tb)) {
                return "values outside the range of " + tb + " cannot be stored";
            }
            if (sb.equals("float4") || sb.equals("float8")) {
                return "fractions would be rounded to whole numbers";
            }
            return null;
        }
        if (tb.equals("numeric") && t.precision() != null) {
            int targetScale = t.scale() == null ? 0 : t.scale();
            int targetIntegerDigits = t.precision() - targetScale;
            if (sb.equals("numeric")) {
                if (s.precision() == null) {
                    return "unconstrained numeric values would be rounded to " + targetScale + " decimal place(s)";
                }
                if (s.scale() > targetScale) {
                    return "values would be rounded from " + s.scale() + " to " + targetScale + " decimal place(s)";
                }
                if (s.precision() - s.scale() > targetIntegerDigits) {
                    return "values with more than " + targetIntegerDigits + " integer digit(s) cannot be stored";
                }
                return null;
            }
            if (INTEGER_DIGITS.containsKey(sb) && INTEGER_DIGITS.get(sb) > targetIntegerDigits) {
                return "values with more than " + targetIntegerDigits + " integer digit(s) cannot be stored";
            }
            if (sb.equals("float4") || sb.equals("float8")) {
                return "values would be rounded to " + targetScale + " decimal place(s)";
            }
            return null;
        }
        if (tb.equals("float4")
                && (sb.equals("float8") || sb.equals("int4") || sb.equals("int8") || sb.equals("numeric"))) {
            return "values would be rounded to real's 6 significant digits";
        }
        if (tb.equals("float8")
                && (sb.equals("int8") || (sb.equals("numeric") && (s.precision() == null || s.precision() > 15)))) {
            return "values would be rounded to double precision's 15 significant digits";
        }
        if (TIMES.contains(tb) && TIMES.contains(sb)) {
            if (sb.equals("timestamptz") && (tb.equals("timestamp") || tb.equals("time"))) {
                return "the time zone offset would be dropped, shifting instants";
            }
            if (sb.equals("timestamp") || sb.equals("timestamptz")) {
                if (tb.equals("time") || tb.equals("timetz")) {
                    return "the date would be dropped";
                }
            }
            if (t.secondsDigits() < s.secondsDigits()) {
                return "fractional seconds would be rounded from " + s.secondsDigits() + " to " + t.secondsDigits()
                        + " digit(s)";
            }
            return null;
        }
        if (tb.equals("date") && (sb.equals("timestamp") || sb.equals("timestamptz"))) {
            return "the time of day would be dropped";
        }
        return null;
    }
}
