package dev.banyan.monolith;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/** The bounded contexts are Spring Modulith application modules without cycles or access to each other's internals. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(MonolithApplication.class);

    @Test
    void everyBoundedContextIsAModule() {
        assertThat(MODULES.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .contains("catalog", "customer", "ordering", "payment", "delivery", "shared");
    }

    @Test
    void modulesRespectEachOthersBoundaries() {
        MODULES.verify();
    }
}
