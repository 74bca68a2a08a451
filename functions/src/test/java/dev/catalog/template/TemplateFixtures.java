package dev.catalog.template;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Paths of the fixture templates under {@code src/test/resources/templates}. */
public final class TemplateFixtures {
    /** Follows the template.yaml contract; stands in for the real template in the tests of the tools themselves. */
    public static final Path PRODUCTS_API = path("products-api.yaml");
    public static final Path INTRINSICS = path("intrinsics.yaml");

    private TemplateFixtures() {}

    /** A fixture by its name relative to {@code templates/}, e.g. {@code broken/no-handler.yaml}. */
    public static Path path(String name) {
        var url = TemplateFixtures.class.getResource("/templates/" + name);
        if (url == null) {
            throw new IllegalArgumentException("No fixture templates/" + name + " on the test class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
