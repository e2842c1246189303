package dev.banyan.architecture.rules;

/**
 * The modules of this repository whose classes the rules check. To put a new module under the rules: add it here,
 * add it as a test dependency of architecture-tests (see the README), and name it in the rules it falls under.
 */
public enum BanyanModule {
    LEGACY_MONOLITH("legacy-monolith", "dev.banyan.monolith"),
    CATALOG_SERVICE("extracted-services/catalog-service", "dev.banyan.catalog"),
    DELIVERY_SERVICE("extracted-services/delivery-service", "dev.banyan.delivery"),
    STRANGLER_PROXY("strangler-proxy", "dev.banyan.proxy"),
    CDC_BRIDGE("cdc-bridge", "dev.banyan.cdc"),
    EMBEDDED_POSTGRES("embedded-postgres", "dev.banyan.embedded"),
    HTTP_SUPPORT("http-support", "dev.banyan.http"),
    EMBEDDED_KAFKA("embedded-kafka", "dev.banyan.embedded.kafka"),
    EVENT_CONTRACTS("event-contracts", "dev.banyan.events"),
    REHEARSAL("rehearsal", "dev.banyan.rehearsal");

    private final String directory;
    private final String basePackage;

    BanyanModule(String directory, String basePackage) {
        this.directory = directory;
        this.basePackage = basePackage;
    }

    /**
     * The module's directory, relative to the repository root.
     */
    public String directory() {
        return directory;
    }

    public String basePackage() {
        return basePackage;
    }

    /**
     * The ArchUnit package pattern of all the module's code.
     */
    public String packages() {
        return basePackage + "..";
    }
}
