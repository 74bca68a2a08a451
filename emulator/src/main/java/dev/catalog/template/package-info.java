/**
 * A typed model of the SAM template ({@link dev.catalog.template.SamTemplate}): functions with their handlers, routes
 * and environment, DynamoDB tables convertible to SDK requests, and an
 * {@link dev.catalog.template.IntrinsicResolver} that gives intrinsics local values. The template is the single
 * source of truth for the local tools; every problem with it is a {@link dev.catalog.template.TemplateException}
 * whose message names the file and the place.
 */
package dev.catalog.template;
