/**
 * A typed model of the SAM template ({@link dev.catalog.template.SamTemplate}): functions with their handlers, routes
 * and environment, DynamoDB tables convertible to SDK requests, the WebSocket API with its routes, integrations, route
 * responses and authorizer ({@link dev.catalog.template.WebSocketApiDef}, read by
 * {@link dev.catalog.template.WebSocketApiReader}), and an
 * {@link dev.catalog.template.IntrinsicResolver} that gives intrinsics local values. The template is read as
 * CloudFormation reads it: its {@code Fn::ForEach} loops expanded first ({@code AWS::LanguageExtensions}), and its
 * nested applications of a template file read with it ({@link dev.catalog.template.NestedApplication}). It is the
 * single source of truth for the emulator, the tests and the benchmark, so nothing lists routes or tables twice; every
 * problem with it is a {@link dev.catalog.template.TemplateException} whose message names the file and the place.
 */
package dev.catalog.template;
