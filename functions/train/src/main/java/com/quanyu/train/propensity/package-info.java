/**
 * Purchase-propensity training on labelled profile snapshots.
 */
package com.quanyu.train.propensity;
