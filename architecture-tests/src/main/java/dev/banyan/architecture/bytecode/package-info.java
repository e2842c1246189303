/**
 * A fast, low-memory reading of compiled classes for the boundary check: one pass of ASM over each class file yields
 * the class's names, supertypes, annotations, fields and every dependency with its kind, member and line.
 */
@NullMarked
package dev.banyan.architecture.bytecode;

import org.jspecify.annotations.NullMarked;
