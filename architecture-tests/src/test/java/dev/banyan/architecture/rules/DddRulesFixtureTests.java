package dev.banyan.architecture.rules;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each jMolecules DDD rule fails on fixture classes that violate it, naming the offending class.
 */
class DddRulesFixtureTests {

    static final String DDD = RuleFixtures.ROOT + ".ddd.";
    static final JavaClasses FIXTURES = RuleFixtures.of("ddd");

    @Test
    void anAggregateThatHoldsAnotherAggregateByObjectFailsNamingIt() {
        assertThatThrownBy(() ->
                        DddRules.aggregatesReferenceEachOtherOnlyByIdentifier().check(FIXTURES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(
                        "<" + DDD
                                + "Order.customer> Order.customer references aggregate Customer by object; reference it by its identifier")
                .hasMessageContaining("(Order.java)")
                // the aggregate's own entities are fine
                .message()
                .doesNotContain("Order.lines");
    }

    @Test
    void everyDddRuleHasAFixtureThatViolatesIt() {
        List<ArchRule> rules = DddRules.all();
        List<String> offenders = List.of(
                "<" + DDD + "Order.customer> Order.customer references aggregate Customer by object",
                "<" + DDD
                        + "Customer.favourite> Customer.favourite uses entity OrderLine, which belongs to aggregate Order",
                "<" + DDD
                        + "Voucher> Voucher is annotated as aggregate root but has no field or method annotated with @Identity",
                "<" + DDD + "DeliveryNote.recipient> value object DeliveryNote.recipient refers to aggregate Customer");

        assertThat(rules).hasSize(offenders.size());
        for (int i = 0; i < rules.size(); i++) {
            ArchRule rule = rules.get(i);
            assertThatThrownBy(() -> rule.check(FIXTURES))
                    .as(rule.getDescription())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining(offenders.get(i));
        }
    }
}
