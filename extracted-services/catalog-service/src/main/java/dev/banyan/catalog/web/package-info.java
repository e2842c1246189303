/** The monolith's catalog HTTP contract, served unchanged: JSON resources and RFC 9457 problem responses. */
@NullMarked
package dev.banyan.catalog.web;

import org.jspecify.annotations.NullMarked;
