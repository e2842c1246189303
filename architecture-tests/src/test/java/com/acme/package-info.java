/**
 * A small sample codebase with deliberate boundary violations of every kind, checked by the boundary-check tests.
 * Lines marked {@code // violation:} are where the check must report a finding.
 */
package com.acme;
