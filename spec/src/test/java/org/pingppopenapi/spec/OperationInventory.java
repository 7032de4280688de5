package org.pingppopenapi.spec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Compares the operations a spec declares with a documented inventory of them. */
final class OperationInventory {

    /** One operation: method (upper case), exact path template, operationId. */
    record Entry(String method, String path, String operationId) {

        @Override
        public String toString() {
            return method + " " + path + " " + operationId;
        }
    }

    /**
     * @param missing in the inventory but not in the spec (or in the spec under another operationId)
     * @param unexpected in the spec but not in the inventory
     */
    record Difference(List<Entry> missing, List<Entry> unexpected) {

        boolean isEmpty() {
            return missing.isEmpty() && unexpected.isEmpty();
        }

        @Override
        public String toString() {
            return "missing from the spec: " + missing + "; not in the inventory: " + unexpected;
        }
    }

    private OperationInventory() {
    }

    static List<Entry> declaredIn(SpecDocument spec) {
        List<Entry> entries = new ArrayList<>();
        for (OperationSite site : OperationSite.all(spec.model())) {
            entries.add(new Entry(site.method().name(), site.path(), site.operation().getOperationId()));
        }
        return entries;
    }

    static Difference compare(List<Entry> inventory, List<Entry> declared) {
        Set<Entry> expected = new LinkedHashSet<>(inventory);
        Set<Entry> actual = new LinkedHashSet<>(declared);
        return new Difference(
                expected.stream().filter(entry -> !actual.contains(entry)).toList(),
                actual.stream().filter(entry -> !expected.contains(entry)).toList());
    }
}
