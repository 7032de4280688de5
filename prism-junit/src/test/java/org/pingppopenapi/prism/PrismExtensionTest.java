package org.pingppopenapi.prism;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.pingppopenapi.prism.internal.PrismLogExcerpt;

/** Runs {@link DeliberatelyFailing} in a nested JUnit engine to look at the failure it reports. */
class PrismExtensionTest {

    @Test
    void attachesTheEndOfPrismsLogToAFailedTest() {
        Event failed = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(DeliberatelyFailing.class))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.started(1).failed(1))
                .failed()
                .list()
                .get(0);

        Throwable failure = failed.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
        assertThat(failure).hasMessage("deliberate failure");
        assertThat(failure.getSuppressed()).singleElement()
                .isInstanceOf(PrismLogExcerpt.class)
                .extracting(Throwable::getMessage).asString()
                .contains("prism-logs")
                .contains("Request body property amount must be integer");
    }

    /** Only run through {@link EngineTestKit}; Surefire skips nested classes. */
    @WithPrism(spec = TestSpecs.TINY_FROM_REPOSITORY_ROOT)
    static class DeliberatelyFailing {

        @Test
        void failsAfterAnInvalidRequest(PrismServer prism) throws Exception {
            new ChargesClient(prism.baseUri()).createCharge("{\"amount\": \"x\"}");
            throw new AssertionError("deliberate failure");
        }
    }
}
