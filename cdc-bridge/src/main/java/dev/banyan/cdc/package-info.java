/**
 * The cdc-bridge command line (picocli: {@code run}, {@code verify}, {@code cleanup}) and the Spring Boot
 * application behind {@code run}.
 */
@NullMarked
package dev.banyan.cdc;

import org.jspecify.annotations.NullMarked;
