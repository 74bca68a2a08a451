package dev.catalog.products;

import dev.catalog.http.ApiHandler;
import dev.catalog.http.Permission;

/**
 * The base of the {@code /products} handlers: the container's {@link ProductsContext} and the route's
 * {@link Permission}. Each handler keeps its own public no-argument constructor, which Lambda calls and which names
 * the route's priming call ({@link ProductsContext#fromEnvironment}), and a constructor taking a context, which tests
 * and the local API call.
 */
abstract class ProductRoute extends ApiHandler {
  final ProductsContext context;
  private final Permission permission;

  ProductRoute(ProductsContext context, Permission permission) {
    super(context.cors());
    this.context = context;
    this.permission = permission;
  }

  @Override
  protected final Permission permission() {
    return permission;
  }
}
