/**
 * Recommender models (item kNN, ALS, bought-together) and stock filtering.
 */
package com.quanyu.shared.ml.recommend;
