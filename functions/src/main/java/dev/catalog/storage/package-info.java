/** Configuration and DynamoDB clients shared by the stores of every feature. */
package dev.catalog.storage;
