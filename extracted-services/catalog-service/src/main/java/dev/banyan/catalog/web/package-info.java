/** The monolith's catalog HTTP contract, served unchanged: JSON resources and RFC 9457 problem responses. */
package dev.banyan.catalog.web;
