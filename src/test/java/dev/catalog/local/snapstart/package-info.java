/**
 * SnapStart's lifecycle, locally: {@link dev.catalog.local.snapstart.SnapStartHooks} runs the CRaC hooks a SnapStart
 * function registered, through the implementation in {@link dev.catalog.local.snapstart.crac}.
 */
package dev.catalog.local.snapstart;
