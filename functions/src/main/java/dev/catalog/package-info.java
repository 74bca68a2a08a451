/** Products API: a product catalog REST API on AWS Lambda, API Gateway and DynamoDB. */
package dev.catalog;
