/**
 * The versioned model registry on S3 (gates, pointers, rollback), live model reloading and the
 * classifiers the score and train functions share.
 */
package com.quanyu.shared.ml;
