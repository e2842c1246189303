/** PostgreSQL storage of the catalog with plain JDBC: the repositories and the read model. */
@NullMarked
package dev.banyan.catalog.persistence;

import org.jspecify.annotations.NullMarked;
