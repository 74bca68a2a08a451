/**
 * What the local tool tells the person running it, and where: {@link dev.catalog.local.console.LocalConsole} chooses
 * the stream for each kind of line ({@code -Dlocal.logs}), {@link dev.catalog.local.console.RequestLog} is each event
 * source's line per request, and {@link dev.catalog.local.console.LocalApiException} is bad input to the tool, told in
 * one line instead of a stack trace. Every part of the emulator may use it; it uses none of them.
 */
package dev.catalog.local.console;
