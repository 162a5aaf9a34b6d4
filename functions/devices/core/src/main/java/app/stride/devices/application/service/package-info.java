/**
 * The devices use cases: importing files and app uploads into normalised activities (with their raw
 * originals kept), in the request ({@link app.stride.devices.application.service.ImportService})
 * or, for large files, announced, put straight into the bucket and imported by the worker ({@link
 * app.stride.devices.application.service.ImportUploads}); merging one workout recorded by two
 * sources, and reading activities back.
 */
package app.stride.devices.application.service;
