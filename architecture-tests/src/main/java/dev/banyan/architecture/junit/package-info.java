/** The boundary check as JUnit 5 dynamic tests, for a team's own test suite. */
@NullMarked
package dev.banyan.architecture.junit;

import org.jspecify.annotations.NullMarked;
