/**
 * SnapStart's lifecycle, locally: {@link dev.catalog.local.lambda.snapstart.SnapStartHooks} runs the CRaC hooks a SnapStart
 * function registered, through the implementation in {@link dev.catalog.local.lambda.snapstart.crac}.
 */
package dev.catalog.local.lambda.snapstart;
