/**
 * The live dashboard, a development page the local system serves beside the REST routes (docs/local.md, "The live
 * dashboard"): {@link dev.catalog.local.dashboard.DashboardPage} serves the page at {@code /} and its files at
 * {@code /_local/dashboard/*} with their headers, read once from the class path ({@code dashboard/}), and answers
 * {@code connect-check} (the WebSocket API's {@code $connect} authorizer asked about a token, since a browser is not
 * shown why a handshake was refused); the local REST API asks it first, only when the tool enabled it. The page
 * itself is {@code dashboard.js} (load, subscribe, buffer during a reload, state), {@code feed.js} (the WebSocket,
 * backoff with jitter) and {@code table.js} (duplicates, versions, moves; rows written as text).
 *
 * <p>Helpers of the browser test: {@link dev.catalog.local.dashboard.HeadlessChromium} (Debian's chromium through the
 * chromedriver it starts itself), {@link dev.catalog.local.dashboard.TcpRelay} (a relay a test cuts to drop WebSocket
 * connections) and {@link dev.catalog.local.dashboard.FeedClient} (a subscriber over a real WebSocket).
 */
package dev.catalog.local.dashboard;
