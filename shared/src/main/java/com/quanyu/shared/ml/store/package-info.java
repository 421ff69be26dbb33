/**
 * S3 adapter of the model registry: versioned model artifacts, their metadata and the live pointer
 * per kind under the models bucket; this package owns that layout.
 */
package com.quanyu.shared.ml.store;
