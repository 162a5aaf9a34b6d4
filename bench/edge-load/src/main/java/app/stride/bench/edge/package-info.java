/** The baseline side of the edge load benchmark: a minimal handler without any edge layer. */
package app.stride.bench.edge;
