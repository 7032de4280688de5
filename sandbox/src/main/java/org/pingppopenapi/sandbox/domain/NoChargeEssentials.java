package org.pingppopenapi.sandbox.domain;

import org.pingppopenapi.server.model.ChargeEssentials;

/**
 * The payment essentials of an order no payment was started for: written as {@code {}}, as the documents show
 * them, where a started payment writes its fields, null ones included.
 */
public final class NoChargeEssentials extends ChargeEssentials {
}
