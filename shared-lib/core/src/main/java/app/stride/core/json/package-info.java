/** The one JSON configuration shared by every function, event and adapter. */
package app.stride.core.json;
