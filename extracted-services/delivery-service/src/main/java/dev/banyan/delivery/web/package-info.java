/** The monolith's delivery HTTP contract ({@code /api/deliveries/**}), served unchanged, with RFC 9457 problems. */
@NullMarked
package dev.banyan.delivery.web;

import org.jspecify.annotations.NullMarked;
