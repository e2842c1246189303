/**
 * Renders an evaluation for people and tools: console text, JSON, JUnit XML and a Markdown summary.
 */
@NullMarked
package dev.banyan.architecture.boundary.report;

import org.jspecify.annotations.NullMarked;
