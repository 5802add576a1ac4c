package io.muxbench.results;

import java.util.List;

/**
 * What {@code muxbench ceiling} measured: for each mode, the most this machine drives on plain
 * loopback and what it costs, with h2load's figures on the same target beside it when h2load ran.
 *
 * @param target               the URL loaded (the embedded origin's, or --target)
 * @param origin               who served it: {@code embedded} or {@code target}
 * @param originCpuFrom        how the origin's CPU was counted, or why it was not
 * @param scenario             the scenario's name
 * @param requestsPerPageLoad  requests in one page load
 * @param cpus                 processors available to the JVM
 * @param measuredSeconds      the measured window per mode, after warm-up
 * @param h2load               h2load's path, or null when it did not run
 * @param modes                one row per mode, in the order given
 */
public record Ceiling(String target, String origin, String originCpuFrom, String scenario, int requestsPerPageLoad,
                      int cpus, double measuredSeconds, String h2load, List<ModeCeiling> modes) {

    /**
     * One mode's ceiling. CPU per request is CPU time (user and system) over the measured window
     * divided by the requests completed in it.
     *
     * @param connections            connections in all (browsers x per browser)
     * @param streamsPerConnection   most requests in flight on one connection (the server's stream limit
     *                               for h2, the depth when pipelining, 1 for h1)
     * @param originMicrosPerRequest null when the origin's CPU could not be read
     * @param heapAfterGcBytes       the driver's live heap at the end of the measured window: used heap
     *                               right after a full GC, under load
     * @param warmupSeconds          how long warming up took
     * @param steady                 whether the cost per request stopped falling before the warm-up budget ended
     * @param h2load                 h2load's figures with the same connections and streams; null without h2load
     * @param heapAtStartBytes       the driver's live heap at the start of the measured window, measured as
     *                               {@code heapAfterGcBytes}: the two equal when the heap stays flat under
     *                               load; null in ceilings measured before it was recorded
     */
    public record ModeCeiling(String mode, int browsers, int connections, int streamsPerConnection,
                              double pageLoadsPerSecond, double requestsPerSecond, double driverMicrosPerRequest,
                              Double originMicrosPerRequest, long failedPageLoads, long heapAfterGcBytes,
                              double warmupSeconds, boolean steady, H2loadFigures h2load, Long heapAtStartBytes) {

        /** A row without the heap at the start, as ceilings were measured before it was recorded. */
        public ModeCeiling(String mode, int browsers, int connections, int streamsPerConnection,
                           double pageLoadsPerSecond, double requestsPerSecond, double driverMicrosPerRequest,
                           Double originMicrosPerRequest, long failedPageLoads, long heapAfterGcBytes,
                           double warmupSeconds, boolean steady, H2loadFigures h2load) {
            this(mode, browsers, connections, streamsPerConnection, pageLoadsPerSecond, requestsPerSecond,
                    driverMicrosPerRequest, originMicrosPerRequest, failedPageLoads, heapAfterGcBytes, warmupSeconds,
                    steady, h2load, null);
        }
    }

    /**
     * h2load against the same target.
     *
     * @param clientMicrosPerRequest h2load's own CPU per request; null when not read
     * @param originMicrosPerRequest the origin's CPU per request while h2load ran; null when not read
     * @param failedRequests         requests h2load counted as failed or errored
     */
    public record H2loadFigures(int connections, int streams, double requestsPerSecond, Double clientMicrosPerRequest,
                                Double originMicrosPerRequest, long failedRequests) {
    }
}
