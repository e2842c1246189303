/**
 * Use cases of the catalog and the read models it answers with. The records here are shaped exactly like the
 * monolith's catalog JSON, so the web layer serialises them as they are.
 */
@NullMarked
package dev.banyan.catalog.application;

import org.jspecify.annotations.NullMarked;
