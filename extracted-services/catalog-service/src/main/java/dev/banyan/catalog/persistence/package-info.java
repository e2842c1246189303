/** PostgreSQL storage of the catalog with plain JDBC: the repositories and the read model. */
package dev.banyan.catalog.persistence;
