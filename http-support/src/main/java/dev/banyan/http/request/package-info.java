/**
 * Strict reading of JSON request bodies into typed request records, naming every bad field in one 400.
 */
@NullMarked
package dev.banyan.http.request;

import org.jspecify.annotations.NullMarked;
