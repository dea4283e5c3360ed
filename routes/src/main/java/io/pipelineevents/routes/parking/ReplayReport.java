package io.pipelineevents.routes.parking;

/**
 * What one replay did.
 *
 * @param replayed sets of parked events that were delivered and removed
 * @param failed   sets of parked events whose delivery failed; they are still parked
 * @param skipped  unprocessable messages, which replay leaves alone
 */
public record ReplayReport(int replayed, int failed, int skipped) {
}
