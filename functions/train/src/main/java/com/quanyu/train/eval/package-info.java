/**
 * Metrics for model gates (AUC-ROC, AUC-PR). Pure computation.
 */
package com.quanyu.train.eval;
