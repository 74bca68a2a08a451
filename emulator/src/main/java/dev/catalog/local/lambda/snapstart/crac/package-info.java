/**
 * The CRaC implementation a function's {@code org.crac} delegates to locally, as it delegates to the one Lambda's
 * runtime provides under SnapStart: {@code org.crac.Core} looks for the classes {@code Core}, {@code Context},
 * {@code Resource}, {@code CheckpointException} and {@code RestoreException} of the package the system property
 * {@code org.crac.Core.Compat} names. Each function's class loader defines its own copy of this package, so each
 * function has its own global context, holding the resources it registered.
 */
package dev.catalog.local.lambda.snapstart.crac;
