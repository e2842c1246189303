package dev.banyan.architecture.boundary;

import java.util.List;
import java.util.Optional;

import com.tngtech.archunit.core.domain.PackageMatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Package patterns mean what ArchUnit's {@link PackageMatcher} means: every pattern below is held against ArchUnit's on
 * every package below, for the match and for the captured groups.
 */
class PackagePatternTests {

    static final List<String> PATTERNS = List.of(
            "com.acme",
            "com.acme..",
            "..internal..",
            "..internal",
            "internal..",
            "com.acme.*",
            "com.acme.*..",
            "*.acme..",
            "..*pack*..",
            "*.*.pack*..",
            "com..internal",
            "com.acme.(*)..",
            "com.acme.(*)",
            "com.acme.(**)",
            "..service.(*)..",
            "my.(*)..service.(**)",
            "com.acme.[catalog|ordering]..",
            "com.acme.(catalog|ordering)..",
            "com.acme.(*).api..",
            "..",
            "a..b");

    static final List<String> PACKAGES = List.of(
            "",
            "com",
            "com.acme",
            "com.acmex",
            "com.acme.catalog",
            "com.acme.catalog.api",
            "com.acme.catalog.internal",
            "com.acme.catalog.internal.jpa",
            "com.acme.ordering",
            "com.acme.payment.api.v2",
            "internal",
            "internal.x",
            "a.internal",
            "a.internalx.b",
            "a.prepackfix.b",
            "a.b.packfix.c.d",
            "a.packfix.b",
            "a.service.hello.b",
            "a.service.hello.more",
            "my.company.some.service.hello.more",
            "ab",
            "a.b",
            "a.x.y.b",
            "org.other.internal");

    @Test
    void matchesAndCapturesExactlyLikeArchUnitsPackageMatcher() {
        int compared = 0;
        for (String pattern : PATTERNS) {
            PackagePattern ours = PackagePattern.of(pattern);
            PackageMatcher archUnit = PackageMatcher.of(pattern);
            for (String candidate : PACKAGES) {
                Optional<List<String>> expected = archUnit.match(candidate).map(PackageMatcher.TO_GROUPS::apply);
                assertThat(Optional.ofNullable(ours.match(candidate)))
                        .as("%s on '%s'", pattern, candidate)
                        .isEqualTo(expected);
                assertThat(ours.matches(candidate)).isEqualTo(archUnit.matches(candidate));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(PATTERNS.size() * PACKAGES.size());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "com...acme",
                "com.**.acme",
                "com.(..).acme",
                "com.[acme].x",
                "com.acme|other",
                "com.(a.[b|c]).x",
                "com/acme",
                "com.acme-x"
            })
    void rejectsWhatArchUnitRejects(String pattern) {
        assertThat(catchThrowable(() -> PackageMatcher.of(pattern))).isInstanceOf(IllegalArgumentException.class);
        assertThatIllegalArgumentException().isThrownBy(() -> PackagePattern.of(pattern));
    }

    @Test
    void comparesOnlyPlainPatternsWhenTheFileIsRead() {
        assertThat(PackagePattern.of("com.acme..").overlaps(PackagePattern.of("com.acme.catalog")))
                .isTrue();
        assertThat(PackagePattern.of("com.acme.catalog").overlaps(PackagePattern.of("com.acme.ordering..")))
                .isFalse();
        assertThat(PackagePattern.of("..internal..").isPlain()).isFalse();
        assertThat(PackagePattern.of("com.acme.(*)..").captures()).isTrue();
        assertThat(PackagePattern.of("com.acme.[a|b]..").captures()).isFalse();
    }
}
