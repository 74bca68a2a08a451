/**
 * Lambda's execution model, for every event source: {@link dev.catalog.local.lambda.LocalFunction} (a function of the
 * template in its own {@link dev.catalog.local.lambda.FunctionClassLoader} over what the zip holds, its environment
 * from {@link dev.catalog.local.lambda.LambdaEnvironment}), {@link dev.catalog.local.lambda.FunctionPool} and
 * {@link dev.catalog.local.lambda.FunctionInstance} (instances, scale-out, Timeout, the
 * {@link dev.catalog.local.lambda.LambdaContext}), {@link dev.catalog.local.lambda.snapstart} (SnapStart's hooks), and
 * {@link dev.catalog.local.LocalInvoke} ({@code -Dinvoke=}, as {@code sam local invoke}).
 * {@link dev.catalog.local.lambda.LocalFunctions} prepares every function of the template once for all event sources;
 * {@link dev.catalog.local.lambda.LambdaClasspath} is what a function's class loader sees: what the zip holds (the
 * functions' classes and runtime dependencies), so code that needs a library the zip lacks fails locally as in Lambda.
 */
package dev.catalog.local.lambda;
