/**
 * The load command, {@code ./mvnw -Pload} (docs/performance.md, "Load"): {@link dev.catalog.load.LoadMain} runs
 * clients against a local system already running, then reads every product back. {@link dev.catalog.load.Client} is
 * what every client shares (the token, the figures by kind of request, summed by {@link dev.catalog.load.LoadReport});
 * {@link dev.catalog.load.LoadClient} owns its products, so it can check them all at the end;
 * {@link dev.catalog.load.HotProductClient} and {@link dev.catalog.load.HotProduct} ({@code -Dload.mix=hot}) put
 * every client on one product, keeping each write's answer to check that none was lost;
 * {@link dev.catalog.load.LocalApiHeap} reads the local system's heap through {@code jcmd}.
 */
package dev.catalog.load;
