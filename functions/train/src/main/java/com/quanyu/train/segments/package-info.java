/**
 * RFM scores and k-means segmentation of customers.
 */
package com.quanyu.train.segments;
