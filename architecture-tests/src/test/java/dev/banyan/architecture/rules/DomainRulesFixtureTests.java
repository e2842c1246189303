package dev.banyan.architecture.rules;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The domain purity rule fails on fixture domain classes that use web or persistence frameworks, naming them.
 */
class DomainRulesFixtureTests {

    static final String PURITY = RuleFixtures.ROOT + ".purity.";
    static final JavaClasses FIXTURES = RuleFixtures.of("purity");

    @Test
    void domainCodeUsingWebOrPersistenceFrameworksFailsNamingTheClasses() {
        assertThatThrownBy(() -> DomainRules.domainIsFreeOfWebAndPersistence(RuleFixtures.ROOT + ".purity.*.domain..")
                        .check(FIXTURES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(
                        "Class <" + PURITY + "ordering.domain.Order> is annotated with <jakarta.persistence.Entity>")
                .hasMessageContaining(
                        "Method <" + PURITY
                                + "ordering.domain.OrderView.render()> has return type <org.springframework.http.ResponseEntity>")
                .hasMessageContaining(PURITY + "ordering.Receipt")
                .hasMessageContaining("java.sql.Timestamp")
                // web code outside the domain is where it belongs
                .message()
                .doesNotContain("OrderController");
    }
}
