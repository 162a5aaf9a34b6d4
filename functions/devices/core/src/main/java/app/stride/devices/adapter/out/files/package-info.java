/**
 * The file parsers ({@code app.stride.devices.files}) as the use cases' {@link
 * app.stride.devices.application.port.out.ActivityDecoder}: {@link
 * app.stride.devices.adapter.out.files.ParsingDecoder}.
 */
package app.stride.devices.adapter.out.files;
