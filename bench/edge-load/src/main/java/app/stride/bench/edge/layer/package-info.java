/**
 * The edge layer measured alone ({@code bench/edge-load/run --layer}): one JVM serves the same
 * profiles {@code ApiFunction} twice over the JDK's HTTP server, bare ({@link
 * app.stride.bench.edge.layer.LayerServer#BARE}) and wrapped by the edge as the deployables wrap it
 * ({@link app.stride.bench.edge.layer.LayerServer#EDGE}), so that wrk's ratio names the layer's
 * cost and nothing else of the platform.
 */
package app.stride.bench.edge.layer;
