package dev.banyan.architecture.rules;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Domain purity: domain code (the domain packages, the contexts' API packages, and every jMolecules-typed class) uses
 * no web or persistence framework. Spring's stereotypes, transactions and event publishing are allowed: the design
 * keeps domain services as Spring beans.
 */
public final class DomainRules {

    /** Web frameworks: HTTP, servlets, MVC and WebFlux, Boot's web support. */
    public static final String[] WEB = {
        "org.springframework.web..",
        "org.springframework.http..",
        "org.springframework.ui..",
        "org.springframework.boot.web..",
        "org.springframework.boot.webmvc..",
        "org.springframework.boot.webflux..",
        "jakarta.servlet..",
        "javax.servlet..",
        "jakarta.ws.rs..",
        "reactor.netty.."
    };

    /** Persistence frameworks: JDBC, Spring Data, JPA, Hibernate, Flyway, the PostgreSQL driver. */
    public static final String[] PERSISTENCE = {
        "java.sql..",
        "javax.sql..",
        "org.springframework.jdbc..",
        "org.springframework.data..",
        "org.springframework.orm..",
        "jakarta.persistence..",
        "javax.persistence..",
        "org.hibernate..",
        "org.flywaydb..",
        "org.postgresql.."
    };

    private DomainRules() {}

    /**
     * Domain code is free of web and persistence frameworks.
     *
     * @param domainPackages ArchUnit package patterns of domain code, e.g. {@code dev.banyan.monolith.*.domain..}
     */
    public static ArchRule domainIsFreeOfWebAndPersistence(String... domainPackages) {
        String[] forbidden = new String[WEB.length + PERSISTENCE.length];
        System.arraycopy(WEB, 0, forbidden, 0, WEB.length);
        System.arraycopy(PERSISTENCE, 0, forbidden, WEB.length, PERSISTENCE.length);
        return noClasses()
                .that()
                .resideInAnyPackage(domainPackages)
                .or(JMOLECULES_DOMAIN_TYPES)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(forbidden)
                .because(
                        "the domain model is carried unchanged into extracted services; web and persistence stay in the adapters");
    }

    static final DescribedPredicate<JavaClass> JMOLECULES_DOMAIN_TYPES =
            new DescribedPredicate<>("are jMolecules aggregates, entities, value objects or events") {
                @Override
                public boolean test(JavaClass javaClass) {
                    return javaClass.isAssignableTo("org.jmolecules.ddd.types.Entity")
                            || javaClass.isAssignableTo("org.jmolecules.ddd.types.AggregateRoot")
                            || javaClass.isAssignableTo("org.jmolecules.ddd.types.ValueObject")
                            || javaClass.isAssignableTo("org.jmolecules.event.types.DomainEvent")
                            || javaClass.isAnnotatedWith("org.jmolecules.ddd.annotation.AggregateRoot")
                            || javaClass.isAnnotatedWith("org.jmolecules.ddd.annotation.Entity")
                            || javaClass.isAnnotatedWith("org.jmolecules.ddd.annotation.ValueObject")
                            || javaClass.isAnnotatedWith("org.jmolecules.event.annotation.DomainEvent");
                }
            };
}
