package org.pingppopenapi.validator.internal;

/**
 * Who asked for a schema check: a rule's {@code schema} keyword ({@code extra} of {@code isv_scan} must be an
 * {@code IsvScanExtra}). The schema's violations are then reported under that rule's id, naming the schema.
 */
record Attribution(String ruleId, String schemaName) {
}
