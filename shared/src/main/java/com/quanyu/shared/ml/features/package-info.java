/**
 * Feature vectors computed the same way at training and at scoring time.
 */
package com.quanyu.shared.ml.features;
