/**
 * Keeps template.yaml and the code in step, so that what only a deploy would reveal fails a test first: every
 * {@code Handler} exists as Lambda calls it and every function has an event in {@code events/} and a test class
 * ({@link dev.catalog.deploy.TemplateHandlersTest}, {@link dev.catalog.deploy.EventFilesTest}); every variable the code
 * reads is declared ({@link dev.catalog.deploy.TemplateEnvironmentTest}); {@code ROUTE_METHODS} equals the routes
 * ({@link dev.catalog.deploy.RouteMethodsTemplateTest}); alarms and graphs are complete, read through the nested
 * application {@code Operations} ({@link dev.catalog.deploy.OperationsTemplateTest}); the feed's resources and the
 * stream consumers' mappings are wired as they must be ({@link dev.catalog.deploy.FeedTemplateTest},
 * {@link dev.catalog.deploy.StreamConsumersTemplateTest}); the deploy workflow builds what was tested
 * ({@link dev.catalog.deploy.DeployWorkflowTest}); the functions' pom stands alone, as {@code sam build} builds it,
 * and the emulator names no function package ({@link dev.catalog.deploy.BuildTest}).
 * {@link dev.catalog.deploy.LeastPrivilegeTest}, run last, checks the run's record of AWS calls against the policies
 * both ways, reading the template's comments through {@link dev.catalog.deploy.TemplateGrants}.
 */
package dev.catalog.deploy;
